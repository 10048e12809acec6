TAG = "override"
target "app" {
  args = { B = "override" }
  platforms = ["linux/arm64"]
}
