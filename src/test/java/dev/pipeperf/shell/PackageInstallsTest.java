package dev.pipeperf.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipeperf.shell.PackageInstall.Manager;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageInstallsTest {

  private static PackageInstall only(String script) {
    List<PackageInstall> found = PackageInstalls.find(script);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aptGet() {
    PackageInstall p =
        only(
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y"
                + " --no-install-recommends -o Dpkg::Options::=--force-confold build-essential"
                + " curl=7.88 && rm -rf /var/lib/apt/lists/*");
    assertThat(p.manager()).isEqualTo(Manager.APT);
    assertThat(p.packages()).containsExactly("build-essential", "curl=7.88");
    assertThat(p.installs("curl")).isTrue();
    assertThat(p.offset()).isEqualTo(18);
  }

  @Test
  void apkWithAndWithoutCache() {
    assertThat(only("apk add --no-cache --virtual .deps gcc musl-dev"))
        .satisfies(
            p -> {
              assertThat(p.manager()).isEqualTo(Manager.APK);
              assertThat(p.packages()).containsExactly("gcc", "musl-dev");
              assertThat(p.usesCache()).isFalse();
            });
    assertThat(only("apk add git").usesCache()).isTrue();
  }

  @Test
  void yumAndDnf() {
    assertThat(only("yum install -y --setopt=x gcc").manager()).isEqualTo(Manager.YUM);
    assertThat(only("dnf -y install --enablerepo crb gcc make").packages())
        .containsExactly("gcc", "make");
  }

  @Test
  void pipInAllItsSpellings() {
    PackageInstall p =
        only("pip install --no-cache-dir -r requirements.txt -i https://x numpy==2.1");
    assertThat(p.manager()).isEqualTo(Manager.PIP);
    assertThat(p.packages()).containsExactly("-r requirements.txt", "numpy==2.1");
    assertThat(p.usesCache()).isFalse();
    assertThat(only("python3 -m pip install -U pip").packages()).containsExactly("pip");
    assertThat(only("pip3 install -rreq.txt").packages()).containsExactly("-r req.txt");
    assertThat(only("/usr/local/bin/pip3.12 install -e .").packages()).containsExactly(".");
    assertThat(PackageInstalls.find("pip freeze && python -m venv x")).isEmpty();
  }

  @Test
  void pythonToolchains() {
    assertThat(only("poetry install --no-root --no-cache").manager()).isEqualTo(Manager.POETRY);
    assertThat(only("uv sync --frozen").manager()).isEqualTo(Manager.UV);
    PackageInstall uv = only("uv pip install --system -r pyproject.toml ruff");
    assertThat(uv.manager()).isEqualTo(Manager.UV);
    assertThat(uv.packages()).containsExactly("-r pyproject.toml", "ruff");
  }

  @Test
  void nodeToolchains() {
    assertThat(only("npm ci --omit=dev").packages()).isEmpty();
    assertThat(only("npm install -g pnpm@9 typescript").packages())
        .containsExactly("pnpm@9", "typescript");
    assertThat(only("yarn install --frozen-lockfile").manager()).isEqualTo(Manager.YARN);
    assertThat(only("yarn").manager()).isEqualTo(Manager.YARN);
    assertThat(only("pnpm install --frozen-lockfile").manager()).isEqualTo(Manager.PNPM);
    assertThat(PackageInstalls.find("npm run build && npm test")).isEmpty();
  }

  @Test
  void goCargoRuby() {
    assertThat(only("go mod download").manager()).isEqualTo(Manager.GO);
    assertThat(only("go install golang.org/x/tools/gopls@latest").packages())
        .containsExactly("golang.org/x/tools/gopls@latest");
    assertThat(only("cargo fetch --locked").manager()).isEqualTo(Manager.CARGO);
    assertThat(only("cargo build --release").manager()).isEqualTo(Manager.CARGO);
    assertThat(only("gem install bundler -v 2.5").packages()).containsExactly("bundler");
    assertThat(only("bundle install --jobs 4").manager()).isEqualTo(Manager.BUNDLER);
  }

  @Test
  void playwrightBrowsers() {
    assertThat(only("npx -y playwright install --with-deps chromium").packages())
        .containsExactly("chromium");
    assertThat(only("python -m playwright install").packages())
        .containsExactly("chromium", "firefox", "webkit");
    PackageInstall p = only("playwright install chromium");
    assertThat(p.manager()).isEqualTo(Manager.PLAYWRIGHT);
    assertThat(p.installs("chromium")).isTrue();
  }

  @Test
  void downloads() {
    PackageInstall p = only("curl -fsSL https://example.com/x.tgz | tar xz");
    assertThat(p.manager()).isEqualTo(Manager.DOWNLOAD);
    assertThat(p.packages()).containsExactly("https://example.com/x.tgz");
    assertThat(PackageInstalls.find("wget -q -O /tmp/a http://a/b && curl localhost"))
        .extracting(PackageInstall::packages)
        .containsExactly(List.of("http://a/b"));
  }

  @Test
  void scriptsPassedToShDashCAreLookedInto() {
    PackageInstall p = only("cd /x && bash -ec 'apt-get update && apt-get install -y jq'");
    assertThat(p.manager()).isEqualTo(Manager.APT);
    assertThat(p.packages()).containsExactly("jq");
    assertThat(p.offset()).isEqualTo(9);
    assertThat(PackageInstalls.find("bash -c")).isEmpty();
  }

  @Test
  void severalInstallsInOneScriptKeepTheirOrder() {
    assertThat(
            PackageInstalls.find(
                """
                set -eux
                apt-get update
                apt-get install -y python3-pip
                pip install -r requirements.txt
                """))
        .extracting(PackageInstall::manager)
        .containsExactly(Manager.APT, Manager.PIP);
  }
}
