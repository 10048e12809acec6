variable "N" { default = 3 }
function "fib" {
  params = [n]
  result = n < 2 ? n : fib(n - 1) + fib(n - 2)
}
target "t" {
  args = {
    A = jsonencode({ a = [1, 2, 3], b = null })
    B = format("%s-%03d", "x", N)
    C = join(",", sort(distinct(concat(["b", "a"], ["a"]))))
    D = regex_replace("abc", "b+", "x")
    E = "${N}" == "3" ? try(fib(N), "no") : "no"
    F = timestamp()
    G = semvercmp("1.2.3", ">= 1.0")
    H = cidrsubnet("10.0.0.0/16", 8, 2)
    I = split("/", "a/b/c")[1]
    J = [for i, x in range(N) : x * i][0]
  }
  inherits = ["u"]
}
target "u" { inherits = ["t"] }
