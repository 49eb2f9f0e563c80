package dev.scansion.match;

import dev.scansion.script.ast.SourcePos;

/** The text an expected element requires (only present when it has non-whitespace text). */
record ExpectedText(SourcePos pos, Check check) {
}
