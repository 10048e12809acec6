FROM python:3.12-slim AS test
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

# Only the release build reaches this stage; the tests build the test target.
FROM test AS full
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium texlive-latex-base \
    && rm -rf /var/lib/apt/lists/*
