variable "TAG" {
  default = "latest"
}
variable "PLATFORMS" {
  type    = list(string)
  default = ["linux/amd64", "linux/arm64"]
  validation {
    condition     = length(PLATFORMS) > 0
    error_message = "need a platform"
  }
}
function "tag" {
  params = [name, tag]
  result = ["repo/${name}:${tag}", "repo/${name}:${lower(substr(tag, 0, 3))}"]
}
group "default" {
  targets = ["app", "db"]
}
target "_common" {
  args = {
    GO_VERSION = "1.22"
    BUILDKIT   = true
  }
}
target "app" {
  inherits   = ["_common"]
  context    = "."
  dockerfile = "Dockerfile"
  tags       = tag("app", TAG)
  platforms  = PLATFORMS
  cache-from = ["type=gha"]
  cache-to   = ["type=gha,mode=max"]
  labels = { for k, v in { a = 1, b = 2 } : k => "${v}" if v > 0 }
  output = [for p in PLATFORMS : "type=local,dest=out/${replace(p, "/", "-")}"]
}
target "db" {
  name = "db-${item}"
  matrix = {
    item = ["pg", "mysql"]
  }
  target = item == "pg" ? "postgres" : "mysql"
  contexts = {
    base = "target:app"
  }
  secret = ["id=x,src=./x"]
  attest = [{ type = "sbom" }]
  description = <<-EOT
    ${item} image %{ if item == "pg" }primary%{ else }secondary%{ endif }
    EOT
  no-cache = !true && 1 + 2 * 3 % 4 >= 5
}
