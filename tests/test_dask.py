"""Dask on a real LocalCluster (two worker processes): same output as the single-process run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch import write_jsonl

from reflow.batch import reflow_records

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402 -- after the importorskip above
import dask.dataframe as dd  # noqa: E402

from reflow.dask_support import reflow_bag, reflow_dataframe  # noqa: E402


def nulls_to_none(column: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in column.tolist()]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    # Two processes with one thread each (reflow holds the GIL), small memory, no dashboard:
    # starts in a few seconds and leaves nothing behind.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            memory_limit="512MiB",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_bag_over_jsonl_shards_matches_single_process(
    client: distributed.Client, tmp_path: Path
) -> None:
    records = []
    for shard in range(3):
        records += write_jsonl(tmp_path / f"s{shard}.jsonl", 12, bad=False)
    bag = db.read_text(str(tmp_path / "s*.jsonl")).map(json.loads)
    got = reflow_bag(bag).compute()
    want = list(reflow_records(records))
    assert got == want
    # The work really ran in the two worker processes, not in the test's process.
    assert len(client.scheduler_info()["workers"]) == 2


def test_dataframe_matches_single_process_with_failures(
    client: distributed.Client, tmp_path: Path
) -> None:
    records = write_jsonl(tmp_path / "c.jsonl", 30, bad=False)
    rows = [{"id": r["id"], "text": r["text"]} for r in records]
    rows[4]["text"] = None
    ddf = dd.from_pandas(pd.DataFrame(rows), npartitions=4)
    got = reflow_dataframe(ddf).compute()
    want = list(reflow_records(rows))
    assert got["id"].tolist() == [r["id"] for r in want]
    assert nulls_to_none(got["text_reflowed"]) == [r["text_reflowed"] for r in want]
    assert nulls_to_none(got["reflow_error"]) == [r.get("reflow_error") for r in want]
    assert got["reflow_error"].iloc[4] == "the text is null, not a string"


def test_dataframe_parquet_round_trip(client: distributed.Client, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    records = write_jsonl(tmp_path / "c.jsonl", 20, bad=False)
    pdf = pd.DataFrame([{"id": r["id"], "text": r["text"]} for r in records])
    dd.from_pandas(pdf, npartitions=3).to_parquet(tmp_path / "in.parquet")
    out = reflow_dataframe(dd.read_parquet(tmp_path / "in.parquet"), format="json")
    out.to_parquet(tmp_path / "out.parquet")
    back = dd.read_parquet(tmp_path / "out.parquet").compute()
    want = list(reflow_records(records, format="json"))
    assert [json.loads(v) for v in back["text_reflowed"]] == [r["text_reflowed"] for r in want]
