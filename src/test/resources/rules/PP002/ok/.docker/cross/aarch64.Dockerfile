# A cross-compile image: the toolchain is what it is for.
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc-aarch64-linux-gnu libssl-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
