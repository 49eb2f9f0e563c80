package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretMaskTest {
    private static final SecretMask LONG = SecretMask.of(List.of("S3cr3t-XYZ-123"));
    private static final SecretMask E = SecretMask.of(List.of("e"));
    private static final SecretMask WORD = SecretMask.of(List.of("password"));
    private static final SecretMask MARKUP = SecretMask.of(List.of("p&<>'\"w"));

    @Test
    void masksDataNotNames() {
        assertEquals("<query xmlns='jabber:iq:register'><password>******</password></query>",
                LONG.xml("<query xmlns='jabber:iq:register'><password>S3cr3t-XYZ-123</password></query>"));
        assertEquals("<x a='pre******post'>t******</x>", LONG.xml("<x a='preS3cr3t-XYZ-123post'>tS3cr3t-XYZ-123</x>"));
        assertEquals("<!-- closed: ****** -->", LONG.xml("<!-- closed: S3cr3t-XYZ-123 -->"));
        assertEquals("<x><![CDATA[******]]></x>", LONG.xml("<x><![CDATA[S3cr3t-XYZ-123]]></x>"));
    }

    @Test
    void shortSecretOnlyAsAWholeValue() {
        String iq = "<iq type='get' id='e' xmlns='jabber:client'><query xmlns='jabber:iq:version'/></iq>";
        assertEquals("<iq type='get' id='******' xmlns='jabber:client'><query xmlns='jabber:iq:version'/></iq>",
                E.xml(iq));
        assertEquals("<password>******</password><body>see e here</body>",
                E.xml("<password>e</password><body>see e here</body>"));
        assertEquals(" ****** ", E.value(" e "));
        assertEquals("get", E.value("get"));
        assertEquals("1 stanza set aside", E.prose("1 stanza set aside"));
        assertEquals("    password: ******", E.sourceLine("    password: e"));
        assertEquals("\t<iq type='get' id='1'/>", E.sourceLine("\t<iq type='get' id='1'/>"));
    }

    @Test
    void ordinaryWordIsMaskedInDataOnly() {
        assertEquals("<password xmlns='urn:x:password'>******</password>",
                WORD.xml("<password xmlns='urn:x:password'>password</password>"));
        assertEquals("    password: ******", WORD.sourceLine("    password: password"));
        assertEquals("\t\t<password>******</password>", WORD.sourceLine("\t\t<password>password</password>"));
    }

    @Test
    void escapedFormsAreMaskedWhole() {
        assertEquals("<password>******</password>",
                MARKUP.xml("<password>p&amp;&lt;&gt;&apos;&quot;w</password>"));
        assertEquals("<password>******</password>", MARKUP.xml("<password>p&#38;&lt;&gt;'\"w</password>"));
        assertEquals("<x v=\"******\"/>", MARKUP.xml("<x v=\"p&amp;&lt;&gt;'&quot;w\"/>"));
        assertEquals("******", MARKUP.value("p&<>'\"w"));
        assertEquals("    password: ******", MARKUP.sourceLine("    password: p&<>'\"w"));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String s : List.of("<", "<a b='", "&", "&#xFFFFFFFF;", "<!--", "<![CDATA[", "<a b=c>&;S3cr3t-XYZ-123")) {
            LONG.xml(s);
            E.xml(s);
        }
        assertEquals("<a b=c>&;******", LONG.xml("<a b=c>&;S3cr3t-XYZ-123"));
    }

    @Test
    void restoringGivesNamesBackBeforeMasking() {
        SecretMask restoring = SecretMask.of(List.of("hunter22")).restoring(s -> s.replace("-s1", ""));
        assertEquals("<m to='romeo@localhost'>******</m>", restoring.xml("<m to='romeo-s1@localhost'>hunter22</m>"));
        assertEquals("romeo@localhost", restoring.value("romeo-s1@localhost"));
        assertEquals("bound romeo@localhost/x", restoring.prose("bound romeo-s1@localhost/x"));
        assertEquals("<m to='romeo@localhost'>" + "a".repeat(6) + "… (" + (24 + 1000) + " bytes)", // the size of the restored whole
                restoring.xmlCut("<m to='romeo-s1@localhost'>" + "a".repeat(1000), 30));
        // masking comes last: a restored text that spells a secret is still masked
        SecretMask spelling = SecretMask.of(List.of("hunter22")).restoring(s -> s.replace("hunter-s122", "hunter22"));
        assertEquals("<b>******</b>", spelling.xml("<b>hunter-s122</b>"));
        // no secrets, but names to restore: the mask is not empty (a failure must go through it)
        assertEquals(false, SecretMask.NONE.restoring(s -> s).isEmpty());
        assertEquals(true, SecretMask.NONE.isEmpty());
    }
}
