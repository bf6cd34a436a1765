"""Waktu at its edges: number words on both sides of every grouping rule, the forms next
to a refused one, and a working-day length carried through every total and print.

tests/test_waktu.py covers the forms staff write every day; these pin what a one-character
change in the parser or the totals would break (found by the mutation run, see
docs/development.md).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from sk_generator.waktu import (
    BENTUK,
    Duration,
    Total,
    Unit,
    Waktu,
    WaktuError,
    compute_sop,
    format_number,
    format_range,
    is_empty_waktu,
    parse_waktu,
)
from tests.test_waktu import menit, sop_of

F = Fraction


# --- number words: every group, and the group that may not follow it ----------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("nol", 0),
        ("sembilan belas", 19),
        ("empat puluh", 40),
        ("tiga ratus", 300),
        ("tiga ratus satu", 301),
        ("seratus sepuluh", 110),
        ("seratus sebelas", 111),
        ("seratus dua belas", 112),
        ("seribu", 1000),
        ("dua ribu", 2000),
        ("seribu seratus", 1100),
        ("dua ribu tiga ratus empat puluh lima", 2345),
        ("dua ribu seratus", 2100),
        ("tiga ratus sepuluh", 310),
        ("dua setengah", F(5, 2)),
    ],
)
def test_number_words_accepted(words: str, value: Fraction) -> None:
    assert parse_waktu(f"{words} menit").max == menit(value)


@pytest.mark.parametrize(
    "words",
    [
        "sepuluh lima",  # "sepuluh" is a whole ten: nothing of the tens or ones may follow
        "sebelas satu",
        "dua belas satu",
        "nol satu",
        "satu nol",
        "satu ratus",  # "seratus"
        "satu ribu",  # "seribu"
        "satu belas",  # "sebelas"
        "dua puluh dua puluh",
        "seratus seratus",
        "dua ratus seribu",
        "seratus dua ratus",  # each group at most once, largest first
        "seribu dua ribu",
        "sepuluh ribu",
        "setengah satu",
        "ribu",
        "puluh",
    ],
)
def test_number_words_refused(words: str) -> None:
    with pytest.raises(WaktuError) as info:
        parse_waktu(f"{words} menit")
    assert info.value.reason == f"angka '{words}' tidak dikenal"


# --- forms next to a refused one ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("hari kerja", "angka tidak ada sebelum satuan 'hari kerja'"),
        ("jam kerja", "angka tidak ada sebelum satuan 'jam'"),
        ("kerja", "angka tidak ada sebelum satuan 'kerja'"),
        ("2 (dua", "angka dalam kurung '(dua' tidak dikenal; tulis mis. '1 (satu) hari kerja'"),
        ("2 () hari", "angka dalam kurung '()' tidak dikenal; tulis mis. '1 (satu) hari kerja'"),
        ("1,5,5 jam", "angka '1,5,5' tidak dikenal"),
        ("5 5 menit", "angka 5 tidak diikuti satuan"),
        ("1 jam ±", "keterangan '±' harus ditulis di depan, mis. '± 2 hari'"),
        ("1 jam - 2 jam - 3 jam", "tanda '-' tidak pada tempatnya"),
        ("sampai 5 hari", "tanda 'sampai' tidak pada tempatnya"),
        ("kurang lebih", "tidak ada angka dan satuan"),
        ("5 zzz", "satuan 'zzz' tidak dikenal"),
        # difflib's similarity 0.5 is enough for a hint (its default is 0.6)
        ("5 weekend", "satuan 'weekend' tidak dikenal, mungkin maksudnya 'pekan'?"),
        # 451 menit is more than a working day of 7.5 jam: not a range upwards
        (
            "7 jam 31 menit - 1 hari kerja",
            "awal rentang lebih besar dari akhirnya atau satuannya "
            "tidak dapat dibandingkan; tulis waktu terkecil lebih dulu dengan satuan yang sama",
        ),
        (
            "1 hari kerja - 7 jam",
            "awal rentang lebih besar dari akhirnya atau satuannya "
            "tidak dapat dibandingkan; tulis waktu terkecil lebih dulu dengan satuan yang sama",
        ),
    ],
)
def test_refused_next_to_an_accepted_form(text: str, reason: str) -> None:
    with pytest.raises(WaktuError) as info:
        parse_waktu(text, jam_kerja_per_hari=7.5)
    assert info.value.reason == reason
    assert info.value.text == text


def test_range_within_one_working_day_is_accepted() -> None:
    assert parse_waktu("1 hari kerja - 8 jam", jam_kerja_per_hari=7.5).max == menit(480)
    assert parse_waktu("7 jam 30 menit - 1 hari kerja", jam_kerja_per_hari=7.5).is_range


def test_error_message_ends_a_reason_that_has_its_own_full_stop() -> None:
    assert str(WaktuError("x", "alasan.")) == f"waktu 'x' tidak dapat dibaca: alasan. {BENTUK}"
    assert str(WaktuError("x", "alasan?")) == f"waktu 'x' tidak dapat dibaca: alasan? {BENTUK}"
    assert str(WaktuError("x", "alasan")) == f"waktu 'x' tidak dapat dibaca: alasan. {BENTUK}"


def test_plain_waktu_is_neither_approximate_nor_an_upper_bound() -> None:
    waktu = parse_waktu("5 menit")
    assert waktu.approximate is False
    assert waktu.upper_bound is False


@pytest.mark.parametrize("text", ["—", " — "])
def test_an_em_dash_is_empty(text: str) -> None:
    assert is_empty_waktu(text)
    assert not is_empty_waktu("— 5 menit")


def test_zero_duration() -> None:
    assert Duration().is_zero
    assert not menit(1).is_zero
    assert not Duration(bulan=F(1)).is_zero


def test_format_number_signs_and_refusal() -> None:
    assert format_number(F(-3, 2)) == "-1,5"
    with pytest.raises(ValueError, match=r"^1/3 has no finite decimal form$"):
        format_number(F(1, 3))


def test_each_step_keeps_its_langkah() -> None:
    sop = sop_of(["5 menit", "-"])
    times = compute_sop(sop)
    assert [step.langkah for step in times.steps] == list(sop.langkah)
    assert [step.index for step in times.steps] == [0, 1]


def test_range_across_jam_and_hari_kerja_needs_the_working_day_length() -> None:
    waktu = parse_waktu("3 jam - 1 hari kerja", jam_kerja_per_hari=7.5)
    assert (waktu.min, waktu.max) == (menit(180), Duration(hari_kerja=F(1)))
    with pytest.raises(WaktuError):
        parse_waktu("8 jam - 1 hari kerja", jam_kerja_per_hari=7.5)
    assert parse_waktu("7 jam 30 menit - 1 hari kerja", jam_kerja_per_hari=7.5).is_range


# --- a working-day length carried through every total and print -----------------------------

#: 480 menit is 1 hari kerja 30 menit when a working day is 7.5 jam.
EIGHT_HOURS = menit(480)
ONE_DAY_AND_HALF_HOUR = Duration(hari_kerja=F(1), menit=F(30))


def test_total_normalizes_both_ends() -> None:
    result = Total(EIGHT_HOURS, menit(960)).normalized(7.5)
    assert result == Total(ONE_DAY_AND_HALF_HOUR, Duration(hari_kerja=F(2), menit=F(60)))


def test_total_prints_with_the_working_day_length() -> None:
    result = Total(EIGHT_HOURS, menit(960))
    assert result.text(7.5) == "1 hari kerja 30 menit – 2 hari kerja 1 jam"
    assert result.text_min(7.5) == "1 hari kerja 30 menit"
    assert result.text_max(7.5) == "2 hari kerja 1 jam"
    assert result.text() == "8–16 jam"
    assert result.text_min() == "8 jam"


def test_total_same_as_normalizes_both_sides() -> None:
    in_minutes = Total(EIGHT_HOURS, EIGHT_HOURS)
    in_days = Total(ONE_DAY_AND_HALF_HOUR, ONE_DAY_AND_HALF_HOUR)
    assert in_minutes.same_as(in_days, 7.5)
    assert in_days.same_as(in_minutes, 7.5)
    assert not in_minutes.same_as(in_days)
    assert not in_minutes.same_as(Total(EIGHT_HOURS, ONE_DAY_AND_HALF_HOUR), 8)


def test_separate_units_counts_a_unit_only_the_maximum_has() -> None:
    result = Total(Duration(minggu=F(1)), Duration(minggu=F(1), hari=F(2)))
    assert result.separate_units() == (Unit.MINGGU, Unit.HARI)
    assert Total(Duration(), Duration(hari=F(2))).separate_units() == ()


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (EIGHT_HOURS, EIGHT_HOURS, "1 hari kerja 30 menit"),
        (menit(450), Duration(hari_kerja=F(2)), "1–2 hari kerja"),
        (
            EIGHT_HOURS,
            Duration(hari=F(1), menit=F(480)),
            "1 hari kerja 30 menit – 1 hari 1 hari kerja 30 menit",
        ),
    ],
)
def test_format_range_with_a_working_day_length(
    low: Duration, high: Duration, expected: str
) -> None:
    assert format_range(low, high, jam_kerja_per_hari=7.5) == expected


def test_sop_total_prints_with_its_working_day_length() -> None:
    times = compute_sop(sop_of(["4 jam", "2-4 jam"]), jam_kerja_per_hari=7.5)
    assert times.text_max == "1 hari kerja 30 menit"
    assert times.text == "6 jam – 1 hari kerja 30 menit"


def test_sop_step_range_across_units_uses_the_working_day_length() -> None:
    times = compute_sop(sop_of(["3 jam - 1 hari kerja"]), jam_kerja_per_hari=7.5)
    assert times.steps[0].error is None
    assert times.total == Total(menit(180), Duration(hari_kerja=F(1)))
    stated = compute_sop(
        sop_of(["1 jam"], jumlah_waktu="1 jam - 1 hari kerja"), jam_kerja_per_hari=8
    )
    assert stated.stated_error is None


@pytest.mark.parametrize(
    ("steps", "stated", "length", "matches"),
    [
        # a single stated value written in hours, compared after both are normalized
        (["8 jam"], "8 jam", 7.5, True),
        (["4 jam", "4 jam"], "8 jam", 7.5, True),
        # a stated range compared at both ends, with the working-day length
        (["4 jam", "2-4 jam"], "6 jam - 1 hari kerja 30 menit", 7.5, True),
        (["4 jam", "2-4 jam"], "6 jam - 8 jam", 7.5, True),
        (["4 jam", "2-4 jam"], "6 jam - 8 jam", None, True),
        (["4 jam", "2-4 jam"], "5 jam - 8 jam", 7.5, False),
    ],
)
def test_stated_total_with_a_working_day_length(
    steps: list[str], stated: str, length: float | None, matches: bool
) -> None:
    times = compute_sop(sop_of(steps, jumlah_waktu=stated), jam_kerja_per_hari=length)
    assert times.stated_matches is matches


def test_expected_text_follows_the_stated_form() -> None:
    single = compute_sop(sop_of(["4 jam", "2-4 jam"], jumlah_waktu="8 jam"))
    assert single.expected_text == "8 jam"
    ranged = compute_sop(sop_of(["4 jam", "2-4 jam"], jumlah_waktu="1-2 jam"))
    assert ranged.expected_text == "6–8 jam"
    assert compute_sop(sop_of(["4 jam"])).expected_text == "4 jam"


# --- steps whose day-like units cannot be added --------------------------------------------


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        # an empty step before them changes nothing
        (["-", "1 hari", "2 minggu"], [(2, Unit.MINGGU, 1, Unit.HARI)]),
        # a unit already seen, then a new one in the same step
        (["1 minggu", "1 minggu 1 hari"], [(1, Unit.HARI, 0, Unit.MINGGU)]),
        (["1 hari", "2 hari", "3 jam"], []),
        # each new unit once, against the first unit met
        (
            ["1 hari", "1 hari kerja", "1 bulan", "2 hari kerja"],
            [(1, Unit.HARI_KERJA, 0, Unit.HARI), (2, Unit.BULAN, 0, Unit.HARI)],
        ),
    ],
)
def test_mixed_units(steps: list[str], expected: list[tuple[int, Unit, int, Unit]]) -> None:
    assert list(compute_sop(sop_of(steps)).mixed_units()) == expected


def test_waktu_is_a_range_only_when_its_ends_differ() -> None:
    assert parse_waktu("2-2 jam").is_range is False
    assert parse_waktu("2-3 jam").is_range is True
    assert Waktu("x", menit(1), menit(1)).is_range is False


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_refused_as_empty(text: str) -> None:
    with pytest.raises(WaktuError) as info:
        parse_waktu(text)
    assert (info.value.text, info.value.reason) == (text, "kosong")
    assert str(info.value) == f"waktu kosong. {BENTUK}"


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (1, Duration(hari_kerja=F(1))),
        (0.5, Duration(hari_kerja=F(2))),
        (F(15, 2), Duration(menit=F(60))),
    ],
)
def test_any_positive_working_day_length(length: float, expected: Duration) -> None:
    assert menit(60).normalized(length) == expected


@pytest.mark.parametrize("length", [0, -7.5])
def test_working_day_length_must_be_positive(length: float) -> None:
    with pytest.raises(ValueError, match=rf"^jam_kerja_per_hari must be positive, got {length}$"):
        menit(60).normalized(length)
