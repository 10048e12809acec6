# syntax=docker/dockerfile:1.7
# Celery beat (scheduler) image.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential \
        libpq-dev \
        gettext \
        curl \
    && rm -rf /var/lib/apt/lists/*

COPY requirements/ requirements/
RUN pip install -r requirements/base.txt

COPY . .

RUN useradd --create-home --uid 1000 app && chown -R app:app /app
USER app

CMD ["celery", "--app", "webapp", "beat", "--loglevel", "info"]
