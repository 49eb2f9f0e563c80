package com.example.xmpp;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every script under src/test/resources/scansion, run by the scansion engine. Server address and
 * timeouts come from src/test/resources/junit-platform.properties (override with -Dscansion.port=...).
 */
@Suite
@SuiteDisplayName("XMPP conversations")
@IncludeEngines("scansion")
@SelectClasspathResource("scansion")
public class ConversationSuite {
}
