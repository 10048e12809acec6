package dev.pipeperf.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandsTest {

  private static List<List<String>> words(String script) {
    return ShellCommands.split(script).stream().map(Command::words).toList();
  }

  @Test
  void splitsOnOperatorsAndNewlines() {
    assertThat(words("a 1 && b 2 || c; d | e & f\ng"))
        .containsExactly(
            List.of("a", "1"),
            List.of("b", "2"),
            List.of("c"),
            List.of("d"),
            List.of("e"),
            List.of("f"),
            List.of("g"));
  }

  @Test
  void quotesAreRemovedAndKeepOperatorsInside() {
    assertThat(words("echo 'a && b' \"c; $X\" d\\ e"))
        .containsExactly(List.of("echo", "a && b", "c; $X", "d e"));
  }

  @Test
  void backslashNewlineJoinsLines() {
    assertThat(words("apt-get install -y \\\n    curl \\\n    git"))
        .containsExactly(List.of("apt-get", "install", "-y", "curl", "git"));
  }

  @Test
  void offsetsPointAtTheCommand() {
    List<Command> cmds = ShellCommands.split("a && \n  bb x");
    assertThat(cmds).extracting(Command::offset).containsExactly(0, 8);
  }

  @Test
  void commentsAndRedirectionsAreDropped() {
    assertThat(words("make > /dev/null 2>&1 # build it\nls -l </tmp/in >>out"))
        .containsExactly(List.of("make"), List.of("ls", "-l"));
  }

  @Test
  void heredocBodiesAreSkipped() {
    assertThat(words("cat <<'EOF' > /etc/x\nnot && a command\nEOF\necho done"))
        .containsExactly(List.of("cat"), List.of("echo", "done"));
  }

  @Test
  void substitutionsStayInTheirWord() {
    assertThat(words("echo $(date +%s && true) ${A:-b c} `uname -r`"))
        .containsExactly(List.of("echo", "$(date +%s && true)", "${A:-b c}", "`uname -r`"));
  }

  @Test
  void controlKeywordsAreDroppedFromTheFront() {
    assertThat(words("if [ -f x ]; then apt-get install -y y; fi"))
        .containsExactly(
            List.of("[", "-f", "x", "]"), List.of("apt-get", "install", "-y", "y"), List.of("fi"));
  }

  @Test
  void invocationSkipsAssignmentsAndWrappers() {
    Command c =
        ShellCommands.split("DEBIAN_FRONTEND=noninteractive sudo -E apt-get install x").get(0);
    assertThat(c.program()).isEqualTo("apt-get");
  }

  @Test
  void unbalancedInputDoesNotThrow() {
    for (String s : List.of("'", "\"", "$(", "${", "`", "\\", "<<", "a >", "(((", "&&&")) {
      assertThat(ShellCommands.split(s)).isNotNull();
    }
    assertThat(ShellCommands.split(null)).isEmpty();
    assertThat(ShellCommands.split("echo " + "$(".repeat(50_000) + "\"${".repeat(50_000)))
        .hasSize(1);
  }
}
