from fastapi import FastAPI

app = FastAPI(title="Bayit+ API")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
