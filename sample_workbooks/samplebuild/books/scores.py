"""scores.xlsx: one WikiSQL-style season of games."""

from __future__ import annotations

import datetime as dt
import random

from openpyxl import Workbook

from ..table import Book, Table
from .writing import (
    INT_FORMAT,
    active_sheet,
    write_table,
)

GAME_OPPONENTS = {
    "Chicago Bears": "Soldier Field",
    "Minnesota Vikings": "Hubert H. Humphrey Metrodome",
    "Detroit Lions": "Ford Field",
    "Dallas Cowboys": "Texas Stadium",
    "Tampa Bay Buccaneers": "Raymond James Stadium",
    "Atlanta Falcons": "Georgia Dome",
    "Seattle Seahawks": "Qwest Field",
    "Indianapolis Colts": "Lucas Oil Stadium",
    "Tennessee Titans": "LP Field",
    "New Orleans Saints": "Louisiana Superdome",
    "Carolina Panthers": "Bank of America Stadium",
    "Houston Texans": "Reliant Stadium",
    "Jacksonville Jaguars": "Jacksonville Municipal Stadium",
    "New York Giants": "Giants Stadium",
    "St. Louis Rams": "Edward Jones Dome",
    "Philadelphia Eagles": "Lincoln Financial Field",
    "San Francisco 49ers": "Candlestick Park",
}
HOME_VENUE = "Lambeau Field"
HOME_GAMES = 8
SEASON_SUNDAY = dt.date(2008, 9, 7)
GAME_DAY_SHIFTS = {1: 1, 13: -3}  # a Monday night opener and a Thanksgiving Thursday
GAME_POINTS = [
    3, 6, 7, 10, 13, 14, 16, 17, 19, 20, 21, 23, 24, 26, 27, 28, 30, 31, 34, 35, 37, 38, 42,
]  # fmt: skip


def build_scores(rng: random.Random) -> tuple[Book, Workbook]:
    games = Table(
        sheet="Games",
        header_row=1,
        first_col=1,
        headers=[
            "Week",
            "Date",
            "Opponent",
            "Result",
            "Points For",
            "Points Against",
            "Attendance",
            "Venue",
        ],
    )
    opponents = list(GAME_OPPONENTS)
    rng.shuffle(opponents)
    home_weeks = set(rng.sample(range(1, len(opponents) + 1), HOME_GAMES))
    attendances: set[int] = set()
    for week, opponent in enumerate(opponents, start=1):
        day = SEASON_SUNDAY + dt.timedelta(days=7 * (week - 1) + GAME_DAY_SHIFTS.get(week, 0))
        home = week in home_weeks
        while True:
            points_for, points_against = rng.choice(GAME_POINTS), rng.choice(GAME_POINTS)
            if points_for != points_against:
                break
        outcome = "W" if points_for > points_against else "L"
        while True:
            attendance = rng.randint(69_500, 72_928) if home else rng.randint(55_000, 81_000)
            if attendance not in attendances:
                attendances.add(attendance)
                break
        venue = HOME_VENUE if home else GAME_OPPONENTS[opponent]
        games.rows.append(
            [week, day, opponent, f"{outcome} {points_for}-{points_against}", points_for,
             points_against, attendance, venue]
        )  # fmt: skip

    wb = Workbook()
    ws = active_sheet(wb, games.sheet)
    write_table(
        ws,
        games,
        formats={"Week": INT_FORMAT, "Attendance": "#,##0"},
        widths={"Date": 12, "Opponent": 22, "Points For": 11, "Points Against": 15,
                "Venue": 30},
    )  # fmt: skip

    description = (
        f"One sheet `{games.sheet}` shaped like a WikiSQL table: the header is in row "
        f"1 starting at A1 ({', '.join(games.headers)}) with {len(games.rows)} data "
        f"rows (rows {games.first_data_row}..{games.last_data_row}), one per week of "
        f"a {SEASON_SUNDAY.year} season.  Date holds real dates; every Opponent is "
        f"unique (several have multi-word names such as New York Giants); Result is "
        f'text like "W 24-17" (team score first) that agrees with Points For and '
        f"Points Against; Attendance values are distinct whole numbers; Venue is "
        f"{HOME_VENUE} for the {HOME_GAMES} home games and the opponent's stadium "
        f"otherwise."
    )
    return Book("scores.xlsx", [games], description), wb
