package dev.scansion.author;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.scansion.script.ast.SourcePos;

/**
 * Writes a {@link Conversation} as a script that replays against the same server: actors named as
 * the Prosody recorder names them, every JID as {@code ${Name's JID}} / {@code ${Name's full JID}},
 * values the server mints as markers (see {@link Values}), a minted value a client later sends back
 * as a capture. One step per event, in the order seen (a {@code receives} expects exactly the
 * stanza that arrived there). The rules and their reasons: docs/recording.md.
 */
public final class Generaliser {
    private Generaliser() {
    }

    /**
     * @param title       the script's title (its first header line); empty for none
     * @param passwordEnv when present, every actor's password is written {@code ${env:NAME}}
     * @param widened     received values a replay showed to differ: written as markers whatever the
     *                    rules say ({@code --verify})
     */
    public record Options(String title, Optional<String> passwordEnv, Set<ValueRef> widened) {
        public Options {
            widened = Set.copyOf(widened);
        }

        public static Options titled(String title) {
            return new Options(title, Optional.empty(), Set.of());
        }
    }

    /**
     * One received value of the conversation: the event (index into {@link Conversation#events()})
     * and where in its stanza, in {@link dev.scansion.match.Difference#path()}'s form
     * ({@code /message/stanza-id{urn:xmpp:sid:0}/@id}, {@code /iq/query{jabber:iq:version}/name/text()}).
     */
    public record ValueRef(int event, String path) {
    }

    /**
     * The script, and where each received value written literally stands in it (the position a
     * replay's {@code Difference.expectedAt} names), so that {@code --verify} can widen it.
     */
    public record Generalised(String text, Map<SourcePos, ValueRef> origins) {
        public Generalised {
            origins = Map.copyOf(origins);
        }
    }

    /**
     * The script for {@code conversation}. Never fails on what a server or client sent: an element
     * that is not well-formed, or that no payload can hold, is left out as a comment.
     */
    public static Generalised generalise(Conversation conversation, Options options) {
        return new ScriptComposer(conversation, options).compose();
    }
}
