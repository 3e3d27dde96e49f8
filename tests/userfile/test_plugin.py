"""The pytest plugin: identity files collected as test items (run by pytester in a scratch directory)."""

HOLDS = """
identities:
  - id: trace-cycle
    symbols: {A: matrix n m, B: matrix m n}
    claim: tr(A*B) == tr(B*A)
  - id: inverse-of-product
    symbols: {A: matrix n n invertible, B: matrix n n invertible}
    claim: (A*B).I == B.I*A.I
"""


def test_plugin_passes_identities_that_hold(pytester):
    pytester.makefile(".identities.yaml", algebra=HOLDS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*algebra.identities.yaml::trace-cycle PASSED*"])


def test_plugin_fails_a_refuted_identity_with_its_counterexample(pytester, data_dir):
    pytester.makefile(".identities.yaml", mistakes=(data_dir / "refuted.yaml").read_text())
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*identity quad-form-grad-missing-transpose: D(x.T*A*x, x) == 2*A*x",
        "*verdict: refuted (expected proved or confirmed)",
        "*counterexample:",
        "*values: {*",
    ])


def test_plugin_reports_input_errors_per_identity(pytester):
    pytester.makefile(".identities.yaml", mixed=HOLDS + "  - id: typo\n    claim: tr(C) == 0\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*input error: *mixed.identities.yaml: identity 'typo': field 'claim': "
                                 "unknown name 'C'*"])


def test_plugin_unreadable_file_is_a_collection_error(pytester):
    pytester.makefile(".identities.yaml", broken="identities: [unclosed\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*broken.identities.yaml: not valid YAML*"])


def test_plugin_ignores_other_yaml_and_honours_its_patterns(pytester):
    pytester.makefile(".yaml", plain=HOLDS)
    assert pytester.runpytest("-p", "no:cacheprovider").ret == 5  # nothing collected
    pytester.makeini("[pytest]\nsheetproof_identity_files = plain.yaml\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)
