# syntax=docker/dockerfile:1.7
# Celery worker image.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential \
        libpq-dev \
        libjpeg-dev \
        zlib1g-dev \
        gettext \
        curl \
        nodejs \
        npm \
        chromium \
        chromium-driver \
    && rm -rf /var/lib/apt/lists/*

COPY requirements/ requirements/
RUN pip install -r requirements/base.txt

COPY package.json package-lock.json ./
RUN npm ci

COPY . .
RUN npm run build \
    && python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 app && chown -R app:app /app
USER app

CMD ["celery", "--app", "webapp", "worker", "--loglevel", "info", "--concurrency", "4"]
