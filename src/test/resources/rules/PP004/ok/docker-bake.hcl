target "web" {
  context    = "web"
  dockerfile = "Dockerfile"
  tags       = ["ghcr.io/acme/web:latest"]
  cache-from = ["type=registry,ref=ghcr.io/acme/web:buildcache"]
  cache-to   = ["type=registry,ref=ghcr.io/acme/web:buildcache,mode=max"]
}

# Built with a cache that the workflows set (bake-action `set:`), not in the target.
target "worker" {
  context = "worker"
}
