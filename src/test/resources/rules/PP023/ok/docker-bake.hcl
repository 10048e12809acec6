variable "GO_VERSION" {
  default = "1.22"
}

target "test" {
  args = {
    GO_VERSION = GO_VERSION
  }
}

target "warm-cache" {
  output = ["type=cacheonly"]
}
