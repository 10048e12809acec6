package dev.pipeperf.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditTest {

  @Test
  void insertsLinesBeforeALine() {
    TextEdit e = TextEdit.insertLines("ci.yml", 2, List.of("a: 1", "b: 2"));
    assertThat(e.isInsertion()).isTrue();
    assertThat(TextEdit.apply("on: push\njobs:\n", "ci.yml", List.of(e)))
        .isEqualTo("on: push\na: 1\nb: 2\njobs:\n");
  }

  @Test
  void oneLinePastTheEndAppendsAddingAMissingLineBreak() {
    TextEdit e = TextEdit.insertLines("ci.yml", 3, List.of("x: y"));
    assertThat(TextEdit.apply("a\nb", "ci.yml", List.of(e))).isEqualTo("a\nb\nx: y\n");
    assertThat(TextEdit.apply("a\nb\n", "ci.yml", List.of(e))).isEqualTo("a\nb\nx: y\n");
  }

  @Test
  void replacesARangeAndAppliesSeveralEditsFromTheEnd() {
    TextEdit first = new TextEdit("f", 1, 1, 1, 4, "pull_request");
    TextEdit second = new TextEdit("f", 2, 9, 2, 11, "v5");
    TextEdit elsewhere = new TextEdit("g", 1, 1, 1, 1, "nope");
    assertThat(TextEdit.apply("foo: x\nuses: a@v4\n", "f", List.of(first, second, elsewhere)))
        .isEqualTo("pull_request: x\nuses: a@v5\n");
  }

  @Test
  void refusesAnInvertedRangeAndStripsControlCharacters() {
    assertThatThrownBy(() -> new TextEdit("f", 2, 1, 1, 1, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new TextEdit("f", 1, 1, 1, 1, "a\u001b[2Jb").replacement()).doesNotContain("\u001b");
  }
}
