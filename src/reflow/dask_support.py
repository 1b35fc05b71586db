"""Dask: the same record transform as ``reflow batch``, in partitions, for clusters.

Dask is an optional extra (``pip install 'reflow[dask]'``); this module imports it only inside
the functions that need it.  Each function works on whatever scheduler is active: threads by
default, a ``LocalCluster`` on a laptop, or a ``distributed.Client`` connected to a real cluster
(dask-jobqueue, Kubernetes).  Reflow is pure Python and holds the GIL, so use process-based
workers (``LocalCluster(processes=True)``, the default, or one thread per worker process).

* :func:`reflow_partition` reflows one pandas DataFrame (a partition).
* :func:`reflow_dataframe` maps it over a ``dask.dataframe`` (from JSONL or Parquet).
* :func:`reflow_bag` maps :func:`reflow.batch.reflow_records` over a ``dask.bag`` of dicts.

Failures never fail the partition: the output is missing (``pd.NA``; ``None`` in a bag) and
``error_field`` says why,
so every input row is in the result, as with ``reflow batch``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reflow.batch import Format, reflow_columns, reflow_records, require
from reflow.config import Config

if TYPE_CHECKING:  # only for annotations: dask and pandas are optional
    import dask.bag
    import dask.dataframe
    import pandas


def reflow_partition(
    df: pandas.DataFrame,
    text_field: str = "text",
    output_field: str = "text_reflowed",
    *,
    config: Config | None = None,
    format: Format = "text",
    keep_furniture: bool = False,
    error_field: str = "reflow_error",
) -> pandas.DataFrame:
    """``df`` with two more columns: the reflowed text (JSON as a string) and the error, if any.

    Both are of pandas' nullable ``"string"`` dtype; a failed row has ``pd.NA`` as its text.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["The talks were tak-\\ning place in the\\ncapital.\\n", None]})
    >>> out = reflow_partition(df)
    >>> out["text_reflowed"][0]
    'The talks were taking place in the capital.\\n'
    >>> out["text_reflowed"].isna().tolist()
    [False, True]
    >>> out["reflow_error"][1]
    'the text is null, not a string'
    """

    pd = require("pandas", "reflow.dask_support")
    # pandas' missing values (NaN, NA) are a null text, as in JSON.
    texts = [
        None if not isinstance(text, str | bytes) and pd.isna(text) else text
        for text in df[text_field].tolist()
    ]
    cols = reflow_columns(
        {"text": texts}, config=config, format=format, keep_furniture=keep_furniture
    )
    outs, errors = cols["text_reflowed"], cols["reflow_error"]
    out = df.copy()
    # Nullable strings ("string", missing = pd.NA), explicitly: every partition then matches
    # the meta computed on the empty frame, and to_parquet infers a string column (with object
    # dtype dask guesses the Parquet type from placeholder values and fails).
    out[output_field] = pd.Series(outs, index=df.index, dtype="string")
    out[error_field] = pd.Series(errors, index=df.index, dtype="string")
    return out


def reflow_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_field: str = "text",
    output_field: str = "text_reflowed",
    *,
    config: Config | None = None,
    format: Format = "text",
    keep_furniture: bool = False,
    error_field: str = "reflow_error",
) -> dask.dataframe.DataFrame:
    """``ddf.map_partitions(reflow_partition, ...)`` with the output columns declared (lazy).

    Read with ``dd.read_json(path, lines=True, blocksize=...)`` or ``dd.read_parquet(path)``,
    write with ``to_parquet``/``to_json``; partitions are processed where the workers are.
    """
    require("dask.dataframe", "reflow.dask_support")
    kwargs: dict[str, Any] = dict(
        config=config, format=format, keep_furniture=keep_furniture, error_field=error_field
    )
    # The result's columns and dtypes: the function itself, run on the empty frame dask keeps.
    meta = reflow_partition(ddf._meta, text_field, output_field, **kwargs)
    return ddf.map_partitions(
        reflow_partition,
        text_field,
        output_field,
        **kwargs,
        meta=meta,
    )


def _bag_partition(records: Any, **kwargs: Any) -> list[dict[str, Any]]:
    return list(reflow_records(records, **kwargs))


def reflow_bag(
    bag: dask.bag.Bag,
    text_field: str = "text",
    output_field: str = "text_reflowed",
    *,
    config: Config | None = None,
    format: Format = "text",
    keep_furniture: bool = False,
    error_field: str = "reflow_error",
) -> dask.bag.Bag:
    """A bag of dicts -> the same dicts with ``output_field`` (and ``error_field`` on failure).

    ``db.read_text("data/*.jsonl").map(json.loads)`` makes such a bag; JSON output stays a dict.
    """
    require("dask.bag", "reflow.dask_support")
    return bag.map_partitions(
        _bag_partition,
        text_field=text_field,
        output_field=output_field,
        config=config,
        format=format,
        keep_furniture=keep_furniture,
        on_error="mark",
        error_field=error_field,
    )
