FROM mcr.microsoft.com/devcontainers/python:3.12
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt playwright==1.45.0 \
    && python -m playwright install --with-deps
COPY . .
