"""Adds a user to app.db through the SQLAlchemy model, as the walkthrough's
service would: python3 add_user.py EMAIL PASSWORD"""
import sys

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.models import User

engine = create_engine("sqlite:///app.db")
with Session(engine) as session:
    user = User(email=sys.argv[1], password=sys.argv[2])
    session.add(user)
    session.commit()
    print(f"added user {user.id}: {user.email}")
