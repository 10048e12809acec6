target "base" {
  dockerfile-inline = <<-EOT
    FROM alpine
    RUN apk add --no-cache git
    EOT
}
target "app" {
  contexts = {
    base = "target:base"
    src  = "./src"
  }
  secret = ["id=token,env=GITHUB_TOKEN"]
  ssh = ["default"]
  output = ["type=registry"]
}
