target "base" {
  context = "bake/base"
  cache-from = ["type=registry,ref=ghcr.io/acme/base:buildcache"]
  cache-to   = ["type=registry,ref=ghcr.io/acme/base:buildcache,mode=max"]
}
target "app" {
  context  = "bake/app"
  contexts = { base = "target:base" }
  tags     = ["ghcr.io/acme/app:latest"]
  cache-from = ["type=registry,ref=ghcr.io/acme/app:buildcache"]
  cache-to   = ["type=registry,ref=ghcr.io/acme/app:buildcache,mode=max"]
}
group "default" {
  targets = ["app"]
}
