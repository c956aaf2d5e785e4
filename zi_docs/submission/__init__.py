"""Before submission: completeness check, submission gates, evaluator bundle, rekap."""
