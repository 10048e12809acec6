variable "TAG" { default = "hcl" }
target "app" {
  tags = ["acme/app:${TAG}"]
  args = { A = "hcl" }
  labels = { "org.opencontainers.image.title" = "app" }
}
