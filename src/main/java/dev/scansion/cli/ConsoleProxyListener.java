package dev.scansion.cli;

import java.io.PrintWriter;

import dev.scansion.recorder.ProxyListener;
import dev.scansion.text.Printable;

/** {@code record}'s lines about its clients, one each; texts from the network made printable. */
final class ConsoleProxyListener implements ProxyListener {
    private final PrintWriter out;

    ConsoleProxyListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void bound(int client, String fullJid) {
        print("client " + client + ": logged in, bound " + Printable.line(fullJid));
    }

    @Override
    public void refused(int client, String account, String reason) {
        print("client " + client + ": login as " + Printable.line(account) + " refused: " + Printable.line(reason));
    }

    @Override
    public void problem(int client, String peer, String reason) {
        print("client " + client + " (" + peer + "): " + Printable.line(reason));
    }

    @Override
    public void ended(int client, String fullJid, String how) {
        print("client " + client + ": " + Printable.line(fullJid) + " " + Printable.line(how));
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
