variable "REGISTRY" { default = "docker.io/acme" }
variable "GO_VERSION" { default = "1.22" }

group "default" { targets = ["validate", "binaries"] }
group "validate" { targets = ["lint", "vendor"] }

target "_common" {
  args = {
    GO_VERSION = GO_VERSION
    BUILDKIT_CONTEXT_KEEP_GIT_DIR = 1
  }
}

target "lint" {
  inherits = ["_common"]
  target = "lint"
  output = ["type=cacheonly"]
}

target "vendor" {
  inherits = ["_common"]
  target = "vendor-validate"
  output = ["type=cacheonly"]
}

target "binaries" {
  inherits = ["_common"]
  name = "binaries-${os}"
  matrix = {
    os = ["linux", "darwin"]
  }
  target = "binaries"
  platforms = ["${os}/amd64", "${os}/arm64"]
  tags = ["${REGISTRY}/app:${os}"]
  cache-from = ["type=registry,ref=${REGISTRY}/app:cache-${os}"]
}
