"""The users service the walkthrough builds, the Python way: FastAPI +
SQLAlchemy 2 on SQLite (or PostgreSQL through psycopg 3), bcrypt for
passwords, PyJWT for tokens.

It is the twin of the kit's lesson 6 (Vapor + Fluent) and what
`Benchmarks/service/load.py` measures it against.

    POST /users     {"email", "password", "full_name"?} -> 201 {"id", "email", "full_name"?}  (409 on a taken email)
    GET  /users/me  Authorization: Bearer               -> 200 {"id", "email", "full_name"?}  (401 without a valid token)
    GET  /users/{id}                                    -> 200 {"id", "email", "full_name"?}  (404)
    GET  /users?limit=20&offset=0                       -> 200 {"items", "limit", "offset", "total"}
    POST /login     {"email", "password"}               -> 200 {"access_token", "token_type": "bearer"} (401)

A body over 16 KB is refused with 413. `full_name` is left out of an answer
when the user has none, as the Swift service's JSON encoder leaves out a nil.

Environment (both required):
    DATABASE_URL   SQLAlchemy URL: sqlite:////tmp/users.sqlite, or
                   postgresql+psycopg://user:password@127.0.0.1:5432/users
    JWT_SECRET     the HS256 signing key, at least 32 bytes

The app never creates tables: the schema (`../schema.sql`, on PostgreSQL
`../schema.postgres.sql`) is made beforehand, as a migration tool would. Run
it with

    DATABASE_URL=sqlite:////tmp/users.sqlite JWT_SECRET=$(openssl rand -hex 32) \\
        uvicorn app:app --app-dir Benchmarks/service/fastapi_app --host 127.0.0.1 --port 8000
"""

import os
import sys
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from typing import Annotated

import bcrypt
import jwt
from fastapi import Depends, FastAPI, HTTPException, Query, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import Engine, String, create_engine, event, func, inspect, make_url, select
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

# --- Settings ---------------------------------------------------------------


def required_env(name: str, example: str) -> str:
    """The value of environment variable NAME; exit with a clear message if it is unset or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"fastapi_app: the environment variable {name} is not set (e.g. {name}={example}).")
    return value


DATABASE_URL_EXAMPLES = "sqlite:////tmp/users.sqlite or postgresql+psycopg://user:password@127.0.0.1:5432/users"
DATABASE_URL = required_env("DATABASE_URL", "sqlite:////tmp/users.sqlite")
JWT_SECRET = required_env("JWT_SECRET", "$(python3 -c 'import secrets; print(secrets.token_hex(32))')")
JWT_MINIMUM_SECRET_BYTES = 32  # HS256 needs a key at least as long as its 32-byte output
if len(JWT_SECRET.encode()) < JWT_MINIMUM_SECRET_BYTES:
    sys.exit(
        f"fastapi_app: JWT_SECRET is {len(JWT_SECRET.encode())} bytes long; HS256 needs at least "
        f"{JWT_MINIMUM_SECRET_BYTES}. Make a new one and start again: export JWT_SECRET=$(openssl rand -hex 32)"
    )
JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_MINUTES = 30
BCRYPT_COST = 12
BCRYPT_MAX_BYTES = 72  # bcrypt only reads 72 bytes; bcrypt>=5 refuses longer input outright
MAX_NAME_LENGTH = 200
MAX_BODY_BYTES = 16 * 1024  # the Swift service's app.routes.defaultMaxBodySize = "16kb"

# --- Database ---------------------------------------------------------------

# PostgreSQL pool, per uvicorn worker process (each worker has its own engine).
# FastAPI runs sync endpoints and sync dependencies on anyio's thread pool, 40
# threads by default, and a request holds at most one connection (its
# Session's), so 40 is all one worker can use at once: pool_size=40 means a
# request never waits for a connection while a thread is free. The overflow of
# 10 covers sessions whose endpoint has returned but whose dependency has not
# closed them yet. Connections open lazily, so a light load opens few. Total:
# at most 50 x --workers connections (load.py runs 1 worker, 16 wrk
# connections); keep that under the server's max_connections (200 on
# scripts/test-postgres).
POSTGRES_POOL_SIZE = 40
POSTGRES_MAX_OVERFLOW = 10


def make_engine(database_url: str) -> Engine:
    """SQLite (WAL, 5 s busy timeout) or PostgreSQL through psycopg 3; exit with a message for anything else."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        sys.exit(f"fastapi_app: DATABASE_URL is not a database URL (e.g. {DATABASE_URL_EXAMPLES}).")
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend == "postgresql" and driver == "psycopg":
        return create_engine(url, pool_size=POSTGRES_POOL_SIZE, max_overflow=POSTGRES_MAX_OVERFLOW, pool_timeout=30)
    if backend != "sqlite":
        sys.exit(
            f"fastapi_app: DATABASE_URL must name SQLite or PostgreSQL with psycopg 3, got {url.drivername}:// "
            f"(e.g. {DATABASE_URL_EXAMPLES})."
        )
    # check_same_thread=False: FastAPI runs sync endpoints on a thread pool, so
    # a pooled connection is used by more than one thread over its life (never
    # by two at once).
    sqlite_engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(sqlite_engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _connection_record) -> None:
        """Every new connection: WAL (readers don't block the writer) and wait up to 5 s for a lock."""
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return sqlite_engine


engine = make_engine(DATABASE_URL)

SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class User(Base):
    """Table "users": matches ../schema.sql (what Base.metadata.create_all would emit on SQLite)
    and ../schema.postgres.sql."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True, index=True)
    email: Mapped[str] = mapped_column(String, unique=True, index=True)
    # The column is called "password" but only ever holds the bcrypt hash.
    password_hash: Mapped[str] = mapped_column("password", String)
    full_name: Mapped[str | None] = mapped_column(String)


def get_session() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

# --- Passwords and tokens ---------------------------------------------------


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(BCRYPT_COST)).decode()


def verify_password(password: str, password_hash: str) -> bool:
    encoded = password.encode()
    if len(encoded) > BCRYPT_MAX_BYTES:  # never accepted at sign-up, so it cannot match
        return False
    return bcrypt.checkpw(encoded, password_hash.encode())


# Checked against when the email is unknown, so that a wrong email costs the
# same bcrypt time as a wrong password (no user enumeration by timing).
_DUMMY_HASH = hash_password("not-a-real-password")


def create_access_token(user_id: int) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=ACCESS_TOKEN_MINUTES)
    return jwt.encode({"sub": str(user_id), "exp": expires}, JWT_SECRET, algorithm=JWT_ALGORITHM)


bearer_scheme = HTTPBearer(auto_error=False)


def current_user(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> User:
    """The user a valid `Authorization: Bearer <JWT>` names; 401 for anything else:
    `Not authenticated` without a token, `Could not validate credentials` for a token
    that is expired, tampered with, or names a user that no longer exists."""
    if credentials is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    unauthorized = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        claims = jwt.decode(
            credentials.credentials,
            JWT_SECRET,
            algorithms=[JWT_ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
        user_id = int(claims["sub"])
    except (jwt.InvalidTokenError, ValueError):
        raise unauthorized from None
    user = session.get(User, user_id)
    if user is None:  # a valid token for a user that no longer exists
        raise unauthorized
    return user


# --- Schemas ----------------------------------------------------------------


class UserCreate(BaseModel):
    email: EmailStr
    password: str = Field(min_length=8)
    full_name: str | None = Field(default=None, max_length=MAX_NAME_LENGTH)

    @field_validator("email", mode="before")
    @classmethod
    def trimmed(cls, email: object) -> object:
        return email.strip() if isinstance(email, str) else email

    @field_validator("password")
    @classmethod
    def fits_bcrypt(cls, password: str) -> str:
        if len(password.encode()) > BCRYPT_MAX_BYTES:
            raise PydanticCustomError(
                "string_too_long", f"Password should be at most {BCRYPT_MAX_BYTES} bytes (bcrypt ignores the rest)"
            )
        return password


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str | None = None


class UserPage(BaseModel):
    items: list[UserOut]
    limit: int
    offset: int
    total: int


class LoginRequest(BaseModel):
    # A plain str: an address that isn't one simply matches nobody (401, not 422).
    email: str
    password: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


# --- App --------------------------------------------------------------------


@asynccontextmanager
async def lifespan(_app: FastAPI):
    # Fail at start-up, not on the first request, when the schema is missing.
    if not inspect(engine).has_table(User.__tablename__):
        raise RuntimeError(
            f"The database {engine.url} has no table '{User.__tablename__}'. "
            "This app does not create tables: create the schema first (Benchmarks/service/schema.sql, "
            "on PostgreSQL Benchmarks/service/schema.postgres.sql)."
        )
    yield
    engine.dispose()


app = FastAPI(title="Users service (FastAPI twin of lesson 6)", lifespan=lifespan)


class BodySizeLimit:
    """Refuses a request body over MAX_BODY_BYTES with 413, as Vapor does for the Swift
    service; FastAPI itself reads a body of any size. A plain ASGI middleware, so it
    costs the other requests nothing."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            return await JSONResponse({"detail": "Payload Too Large"}, status.HTTP_413_CONTENT_TOO_LARGE)(
                scope, receive, send
            )
        received = 0

        async def limited_receive():  # a body without Content-Length is counted as it arrives
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, detail="Payload Too Large")
            return message

        return await self.app(scope, limited_receive, send)


app.add_middleware(BodySizeLimit)


def is_duplicate_email(error: IntegrityError) -> bool:
    """True if ERROR is the unique index ix_users_email refusing a taken email."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # psycopg: SQLSTATE 23505 unique_violation, with the index's name
        return getattr(orig, "sqlstate", None) == "23505" and diag.constraint_name == "ix_users_email"
    return "users.email" in str(orig)  # sqlite3: "UNIQUE constraint failed: users.email"


# response_model_exclude_none: a user without a full_name is {"id", "email"}, as in Swift.
@app.post("/users", status_code=status.HTTP_201_CREATED, response_model=UserOut, response_model_exclude_none=True)
def create_user(body: UserCreate, session: SessionDep) -> User:
    user = User(email=body.email.lower(), password_hash=hash_password(body.password), full_name=body.full_name)
    session.add(user)
    try:
        session.commit()  # the unique index ix_users_email decides, not a SELECT first
    except IntegrityError as error:
        session.rollback()
        if not is_duplicate_email(error):
            raise
        raise HTTPException(status.HTTP_409_CONFLICT, detail="A user with that email already exists.") from None
    return user


# Declared before /users/{user_id}: routes match in order, and "me" is not an int.
@app.get("/users/me", response_model=UserOut, response_model_exclude_none=True)
def read_me(user: Annotated[User, Depends(current_user)]) -> User:
    return user


@app.get("/users/{user_id}", response_model=UserOut, response_model_exclude_none=True)
def read_user(user_id: int, session: SessionDep) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="User not found")
    return user


@app.get("/users", response_model=UserPage, response_model_exclude_none=True)
def list_users(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> UserPage:
    total = session.scalar(select(func.count()).select_from(User))
    users = session.scalars(select(User).order_by(User.id).limit(limit).offset(offset)).all()
    return UserPage(
        items=[UserOut.model_validate(user) for user in users], limit=limit, offset=offset, total=total or 0
    )


@app.post("/login", response_model=Token)
def login(body: LoginRequest, session: SessionDep) -> Token:
    user = session.scalar(select(User).where(User.email == body.email.strip().lower()))
    if user is None:
        verify_password(body.password, _DUMMY_HASH)
        ok = False
    else:
        ok = verify_password(body.password, user.password_hash)
    if not ok:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, detail="Incorrect email or password", headers={"WWW-Authenticate": "Bearer"}
        )
    return Token(access_token=create_access_token(user.id))
