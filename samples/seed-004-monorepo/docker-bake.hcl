# Images of the monorepo. CI builds "test" first, then the "production" group.
variable "REGISTRY" {
  default = "ghcr.io/acme/webapp"
}

variable "TAG" {
  default = "dev"
}

target "_common" {
  context    = "."
  platforms  = ["linux/amd64"]
  cache-from = ["type=gha"]
  cache-to   = ["type=gha,mode=max"]
}

target "test" {
  inherits   = ["_common"]
  dockerfile = "Dockerfile"
  tags       = ["${REGISTRY}/web:${TAG}"]
}

target "web" {
  inherits   = ["_common"]
  dockerfile = "Dockerfile"
  tags       = ["${REGISTRY}/web:${TAG}"]
}

target "celery" {
  inherits   = ["_common"]
  dockerfile = "celery.Dockerfile"
  tags       = ["${REGISTRY}/celery:${TAG}"]
}

target "celerybeat" {
  inherits   = ["_common"]
  dockerfile = "celerybeat.Dockerfile"
  tags       = ["${REGISTRY}/celerybeat:${TAG}"]
}

target "flower" {
  inherits   = ["_common"]
  dockerfile = "flower.Dockerfile"
  tags       = ["${REGISTRY}/flower:${TAG}"]
}

group "production" {
  targets = ["web", "celery", "celerybeat", "flower"]
}

group "default" {
  targets = ["test"]
}
