package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * Several scripts in flight against one real Prosody: a generated suite whose names are unique
 * per script (accounts and room; bench/gen-suite.py's "suite" shape), plus one {@code ## serial}
 * script, through the CLI with {@code --jobs 4} and through the engine with {@code scansion.jobs=4}.
 * Every script passes: cross-actor order holds inside each script while others run.
 */
@Timeout(300)
class ParallelSuiteIT {
    private static final int SCRIPTS = 20;
    static ProsodyServer server;
    @TempDir
    static Path suite;

    @BeforeAll
    static void start() throws IOException {
        server = ProsodyServer.start();
        for (int i = 0; i < SCRIPTS; i++) {
            Files.writeString(suite.resolve(String.format("suite_%03d.scs", i)), script(i, i == 7));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theCliRunsTheSuiteFourAtATimeAndEveryScriptPasses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("run", "--no-color", "--host", server.host(), "--port", Integer.toString(server.port()),
                "--jobs", "4", suite.toString());
        String all = out + "\n" + err + "\n" + server.logTail();
        assertEquals(0, code, all);
        assertTrue(out.toString().contains(SCRIPTS + " passed, 0 failed, 0 errors"), all);
        assertEquals(SCRIPTS, out.toString().lines().filter(l -> l.startsWith("PASS ")).count(), all);
    }

    @Test
    void theEngineRunsTheSuiteFourAtATimeAndEveryScriptPasses() {
        ScansionEngineIT.server = server;
        ScansionEngineIT.kit(server.port()).selectors(selectDirectory(suite.toFile()))
                .configurationParameter(EngineSettings.JOBS, "4").configurationParameter(EngineSettings.TIMEOUT, "5s")
                .execute().testEvents().assertStatistics(s -> s.started(SCRIPTS).succeeded(SCRIPTS));
    }

    /**
     * Our own specs/prosody by two engine executions at once, four jobs each: on by default with
     * more than one job, isolation keeps the two runs' names apart (the scripts' own names are the
     * same in both), and the serial scripts run alone across both executions.
     */
    @Test
    void twoEngineExecutionsRunTheProsodySpecsAtOnceFourAtATime() throws Exception {
        Path specs = Path.of(System.getProperty("user.dir"), "specs", "prosody");
        long n;
        try (var files = Files.list(specs)) {
            n = files.filter(f -> f.toString().endsWith(".scs")).count();
        }
        ScansionEngineIT.server = server;
        java.util.concurrent.Callable<org.junit.platform.testkit.engine.Events> run = () -> ScansionEngineIT
                .kit(server.port()).selectors(selectDirectory(specs.toFile()))
                .configurationParameter(EngineSettings.JOBS, "4").configurationParameter(EngineSettings.TIMEOUT, "5s")
                .execute().testEvents();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(run);
            var second = two.submit(run);
            for (var events : List.of(first.get(), second.get())) {
                events.assertStatistics(s -> s.started(n).succeeded(n));
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Three actors with accounts of their own, chat, pings, and a room of their own. */
    private static String script(int i, boolean serial) {
        String room = String.format("room%03d@conference.localhost", i);
        List<String> l = new ArrayList<>(List.of("# Generated suite script " + i));
        if (serial) l.add("## serial");
        l.add("");
        for (String a : List.of("A", "B", "C")) {
            l.addAll(List.of("[Client] " + a, String.format("\tjid: s%03d%s@localhost", i, a.toLowerCase()),
                    "\tpassword: password", ""));
        }
        l.addAll(List.of("-----", "", "A connects", "", "B connects", "", "C connects", ""));
        block(l, "A sends", "<presence/>");
        block(l, "A sends", "<message to=\"${B's full JID}\" type='chat' id='m1'><body>hello " + i + "</body></message>");
        block(l, "B receives", "<message from=\"${A's full JID}\" type='chat'><body>hello " + i + "</body></message>");
        block(l, "B sends", "<message to=\"${C's full JID}\" type='chat' id='m2'><body>hi C</body></message>");
        block(l, "C receives", "<message from=\"${B's full JID}\" type='chat'><body>hi C</body></message>");
        block(l, "A sends", "<iq type='get' id='ping1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        block(l, "A receives", "<iq type='result' id='ping1' from='localhost'/>");
        String selfPresence = "<x xmlns='http://jabber.org/protocol/muc#user' scansion:strict='false'>"
                + "<status code='110'/></x>";
        block(l, "A sends", "<presence to='" + room + "/A'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        block(l, "A receives", "<presence from='" + room + "/A'>", "\t" + selfPresence, "</presence>");
        block(l, "A receives", "<message type='groupchat' from='" + room + "'><subject/></message>");
        block(l, "A sends", "<iq type='set' id='cfg1' to='" + room + "'>", "\t<query xmlns='http://jabber.org/protocol/"
                + "muc#owner'><x xmlns='jabber:x:data' type='submit'/></query>", "</iq>");
        block(l, "A receives", "<iq type='result' id='cfg1' from='" + room + "'/>");
        block(l, "B sends", "<presence to='" + room + "/B'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        block(l, "B receives", "<presence from='" + room + "/B'>", "\t" + selfPresence, "</presence>");
        block(l, "A receives", "<presence from='" + room + "/B'/>");
        block(l, "B sends", "<message to='" + room + "' type='groupchat' id='g1'><body>hi room</body></message>");
        block(l, "A receives", "<message from='" + room + "/B' type='groupchat'><body>hi room</body></message>");
        l.addAll(List.of("C disconnects", "", "B disconnects", "", "A disconnects", ""));
        return String.join("\n", l);
    }

    private static void block(List<String> lines, String action, String... payload) {
        lines.add(action + ":");
        for (String p : payload) lines.add("\t" + p);
        lines.add("");
    }
}
