variable "PLATFORMS" {
  type = list(string)
  default = ["linux/amd64"]
}
variable "PUSH" { default = false }
variable "VERSION" { default = 1 }
target "default" {
  platforms = PLATFORMS
  args = { NEXT = VERSION + 1 }
  output = [PUSH ? "type=registry" : "type=docker"]
  no-cache = PUSH
}
