target "web" {
  context    = "web"
  dockerfile = "Dockerfile"
  tags       = ["ghcr.io/acme/web:latest"]
  cache-from = ["type=registry,ref=ghcr.io/acme/web:buildcache"]
  cache-to   = ["type=registry,ref=ghcr.io/acme/web:buildcache,mode=max"]
}
