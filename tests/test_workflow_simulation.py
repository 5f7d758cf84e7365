"""The example GitHub workflow, run end to end on a simulated pull request.

A temporary "origin" repository holds a corpus (the seeds) on `main`; a clone checks out a feature
branch that adds an article, while `main` moves on.  The workflow file itself is read and each of
its `run:` scripts is executed as a runner would (bash -e -o pipefail, its `env:`, GITHUB_OUTPUT
and GITHUB_STEP_SUMMARY files, `if:` conditions), so the test runs the commands the workflow runs,
not a copy of them.  Actions (`uses:`) are stood in for: the clone is the checkout, and crosscheck
is the one installed here.  `gh` is a stand-in that keeps the pull request's comments in a file.
The miniature runner and the stand-in live here, not in a helper module: they serve this one
workflow and nothing else, which is why the file is longer than most.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "examples" / "github-actions" / "crosscheck.yml"
MARKER = "<!-- crosscheck-report -->"
REPOSITORY = "example/newsroom"
PULL_REQUEST = 7

CONFLICTING = (
    "Shanghai, March 3 -- The Yangtze River Delta National Technology Innovation Center now works"
    " with about 300 partner companies, its director said on Monday.\n",
    """\
    version: 1
    document:
      article: 005_delta_partners.txt
      title: Delta innovation centre counts its partners
      publisher: Example Wire
    claims:
      - id: partner-companies
        subject: yrd-national-innovation-center
        property: partner-companies
        text: about 300
        quote: now works with about 300 partner companies
        value: {kind: quantity, amount: 300, approx: about, unit: company}
    """,
)
AGREEING = (
    "Beijing, March 4 -- Minister of Science and Technology Yin Hejun opened the forum on Tuesday.\n",
    """\
    version: 1
    document:
      article: 005_delta_partners.txt
      title: Minister opens the forum
      publisher: Example Wire
    claims:
      - id: yin-name
        subject: yin-hejun
        property: name
        text: Yin Hejun
        quote: Minister of Science and Technology Yin Hejun opened the forum
        value: {kind: name, name: Yin Hejun}
    """,
)

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="the simulation needs git"),
    pytest.mark.skipif(shutil.which("jq") is None, reason="the stand-in gh filters with jq, as gh --jq does"),
]


# ------------------------------------------------------------------ the workflow, read as data


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def job() -> dict:
    (only,) = workflow()["jobs"].values()
    return only


def test_every_action_is_pinned_by_commit_with_its_version_beside_it():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), (action, comment)


def test_the_checkout_keeps_no_credentials_and_no_script_expands_an_expression():
    steps = job()["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    for step in steps:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_crosscheck_is_installed_from_its_repository_at_a_commit_under_its_own_name():
    from packaging.requirements import Requirement

    requirement = Requirement(job()["env"]["CROSSCHECK_REQUIREMENT"])
    assert requirement.name == "crosscheck-news"
    assert requirement.url and requirement.url.startswith("git+https://")
    assert "@" in requirement.url.removeprefix("git+https://")  # a ref is named, not the default branch
    install = next(s for s in job()["steps"] if s.get("name") == "Install crosscheck")
    assert install["run"] == 'python -m pip install "$CROSSCHECK_REQUIREMENT"'


# ------------------------------------------------------------------ a runner, in miniature


@dataclass
class StepRun:
    name: str
    ran: bool
    status: int = 0
    stdout: str = ""
    stderr: str = ""


@dataclass
class JobRun:
    steps: list[StepRun] = field(default_factory=list)
    summary: str = ""

    def step(self, name: str) -> StepRun:
        return next(s for s in self.steps if s.name == name)

    @property
    def status(self) -> int:
        return next((s.status for s in self.steps if s.ran and s.status), 0)


def lookup(context: dict, path: str) -> object:
    value: object = context
    for part in path.split("."):
        value = value[part] if isinstance(value, dict) and part in value else ""
    return value


def evaluate(expression: str, context: dict) -> object:
    """The expressions this workflow uses: a context path, or two of them (or literals) compared."""
    expression = expression.strip()
    if match := re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expression):
        left, operator, right = (evaluate(match[1], context), match[2], evaluate(match[3], context))
        return (str(left) == str(right)) == (operator == "==")
    if match := re.fullmatch(r"'([^']*)'", expression):
        return match[1]
    if re.fullmatch(r"[\w-]+(\.[\w\[\]-]+)*", expression):
        return lookup(context, expression)
    raise AssertionError(f"the simulation does not know this expression: {expression}")


def expand(value: str, context: dict) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m[1], context)), str(value))


def run_job(checkout: Path, context: dict, path: str) -> JobRun:
    """Run the workflow's one job in `checkout` the way a runner would, standing in for actions."""
    spec = job()
    record = JobRun()
    outputs: dict[str, dict[str, str]] = {}
    context = {**context, "steps": outputs}
    scratch = checkout.parent / "runner"
    scratch.mkdir(exist_ok=True)
    summary = scratch / "summary.md"
    summary.write_text("", encoding="utf-8")  # each run's summary and outputs are its own
    base_env = {**runner_env(context, path), "GITHUB_STEP_SUMMARY": str(summary)}
    base_env.update({k: expand(v, context) for k, v in spec.get("env", {}).items()})
    failed = False
    for index, step in enumerate(spec["steps"]):
        name = step.get("name") or step.get("uses", "").split("@")[0]
        condition = step.get("if")
        if failed or (condition is not None and not evaluate(condition, context)):
            record.steps.append(StepRun(name, ran=False))
            continue
        if "uses" in step or name == "Install crosscheck":
            record.steps.append(StepRun(name, ran=True))  # the clone and this environment stand in
            continue
        output_file = scratch / f"output-{index}"
        output_file.write_text("", encoding="utf-8")
        env = {**base_env, "GITHUB_OUTPUT": str(output_file)}
        env.update({k: expand(v, context) for k, v in step.get("env", {}).items()})
        done = run_script(step["run"], checkout, env)
        record.steps.append(StepRun(name, True, done.returncode, done.stdout, done.stderr))
        if "id" in step:
            lines = output_file.read_text(encoding="utf-8").splitlines()
            outputs[step["id"]] = {"outputs": dict(line.split("=", 1) for line in lines if "=" in line)}
        failed = done.returncode != 0
    record.summary = summary.read_text(encoding="utf-8")
    return record


def runner_env(context: dict, path: str) -> dict[str, str]:
    """The variables a runner sets for every step (the ones this workflow reads)."""
    github = context["github"]
    return {**os.environ, "PATH": path, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "4242",
            "GITHUB_SERVER_URL": github["server_url"], "GITHUB_REPOSITORY": github["repository"]}


def run_script(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A `run:` script under the runner's default shell for Linux: bash -e -o pipefail."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


FAKE_GH = '''\
"""gh, as far as the workflow uses it: `gh api` on a pull request's comments, kept in a JSON file."""
import json, os, re, subprocess, sys

state_path = os.environ["FAKE_GH_STATE"]
with open(state_path, encoding="utf-8") as handle:
    state = json.load(handle)
args = sys.argv[1:]
state["calls"].append(args)
assert args[0] == "api", args
method, jq, fields, endpoint = "GET", None, {}, None
rest = iter(args[1:])
for arg in rest:
    if arg == "--method":
        method = next(rest)
    elif arg == "--jq":
        jq = next(rest)
    elif arg == "-F":
        key, value = next(rest).split("=", 1)
        fields[key] = open(value[1:], encoding="utf-8").read() if value.startswith("@") else value
    elif arg == "--paginate":
        pass
    else:
        endpoint = arg
out = ""
if method == "GET" and (m := re.fullmatch(r"repos/[^/]+/[^/]+/issues/(\\d+)/comments", endpoint)):
    page = json.dumps([c for c in state["comments"] if c["issue"] == int(m[1])])
    out = subprocess.run(["jq", "-r", jq or "."], input=page, capture_output=True, text=True, check=True).stdout
elif method == "POST" and (m := re.fullmatch(r"repos/[^/]+/[^/]+/issues/(\\d+)/comments", endpoint)):
    new = {"id": max([c["id"] for c in state["comments"]] + [100]) + 1, "issue": int(m[1]),
           "user": {"login": "github-actions[bot]"}, "body": fields["body"]}
    state["comments"].append(new)
elif method == "PATCH" and (m := re.fullmatch(r"repos/[^/]+/[^/]+/issues/comments/(\\d+)", endpoint)):
    (comment,) = [c for c in state["comments"] if c["id"] == int(m[1])]
    comment["body"] = fields["body"]
else:
    sys.exit(f"fake gh: unexpected call {args}")
with open(state_path, "w", encoding="utf-8") as handle:
    json.dump(state, handle)
sys.stdout.write(out)
'''


def stand_in_gh(tmp_path: Path, monkeypatch, comments: list[dict]) -> tuple[str, Path]:
    """A PATH with the stand-in `gh` (over `comments`) and this environment's `crosscheck`; its state file."""
    tools = tmp_path / "tools"
    tools.mkdir()
    gh = tools / "gh"
    gh.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    gh.chmod(0o755)
    state = tmp_path / "gh-state.json"
    state.write_text(json.dumps({"calls": [], "comments": comments}), encoding="utf-8")
    monkeypatch.setenv("FAKE_GH_STATE", str(state))
    path = os.pathsep.join([str(tools), str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return path, state


# ------------------------------------------------------------------ the simulated pull request


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


@dataclass
class PullRequest:
    checkout: Path
    head: str
    merge_base: str
    path: str
    gh_state: Path

    def comments(self) -> list[dict]:
        return json.loads(self.gh_state.read_text(encoding="utf-8"))["comments"]

    def context(self) -> dict:
        return {
            "github": {
                "base_ref": "main",
                "repository": REPOSITORY,
                "server_url": "https://github.com",
                "token": "not-a-real-token",
                "event": {"pull_request": {
                    "number": PULL_REQUEST,
                    "head": {"sha": self.head, "repo": {"full_name": REPOSITORY}},
                }},
            }
        }

    def run(self, *, from_fork: bool = False) -> JobRun:
        context = self.context()
        if from_fork:
            context["github"]["event"]["pull_request"]["head"]["repo"]["full_name"] = "someone/newsroom"
        return run_job(self.checkout, context, self.path)


def make_pull_request(tmp_path: Path, monkeypatch, article: tuple[str, str]) -> PullRequest:
    """origin/main: the seeds, then one more commit after the branch; the checkout: the branch's head."""
    no_config = tmp_path / "gitconfig"
    no_config.touch()
    for key, value in {"GIT_AUTHOR_NAME": "Reporter", "GIT_AUTHOR_EMAIL": "reporter@example.org",
                       "GIT_COMMITTER_NAME": "Reporter", "GIT_COMMITTER_EMAIL": "reporter@example.org",
                       "GIT_CONFIG_GLOBAL": str(no_config), "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)
    origin = tmp_path / "origin"
    shutil.copytree(ROOT / "seeds", origin)
    git(origin, "init", "--quiet", "--initial-branch=main")
    git(origin, "add", ".")
    git(origin, "commit", "--quiet", "-m", "The corpus")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", str(origin), str(checkout))
    git(checkout, "switch", "--quiet", "-c", "feature")
    text, claims = article
    (checkout / "005_delta_partners.txt").write_text(text, encoding="utf-8")
    (checkout / "005_delta_partners.claims.yaml").write_text(textwrap.dedent(claims), encoding="utf-8")
    git(checkout, "add", ".")
    git(checkout, "commit", "--quiet", "-m", "A new article")
    # main moves on after the branch left it: a change the pull request did not make
    reviewed = origin / "003_4608776da9d1df45.claims.yaml"
    reviewed.write_text(reviewed.read_text(encoding="utf-8") + "# reviewed on main\n", encoding="utf-8")
    git(origin, "commit", "--quiet", "-am", "Main moves on")
    git(checkout, "fetch", "--quiet", "origin")
    path, gh_state = stand_in_gh(tmp_path, monkeypatch, [
        {"id": 1, "issue": PULL_REQUEST, "user": {"login": "coverage-bot[bot]"}, "body": "Coverage: 91%"},
        {"id": 2, "issue": PULL_REQUEST, "user": {"login": "github-actions[bot]"}, "body": "Docs preview is ready"},
        {"id": 3, "issue": PULL_REQUEST, "user": {"login": "mallory"}, "body": f"{MARKER}\nnot crosscheck's"},
        {"id": 4, "issue": PULL_REQUEST + 1, "user": {"login": "github-actions[bot]"}, "body": f"{MARKER}\nanother PR"},
    ])
    head = git(checkout, "rev-parse", "HEAD")
    merge_base = git(checkout, "merge-base", "origin/main", "HEAD")
    assert merge_base != git(checkout, "rev-parse", "origin/main")  # main did move on
    return PullRequest(checkout, head, merge_base, path, gh_state)


def annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_a_conflicting_article_is_annotated_reported_commented_on_and_fails_the_job(tmp_path, monkeypatch):
    pr = make_pull_request(tmp_path, monkeypatch, CONFLICTING)
    job_run = pr.run()

    assert job_run.step("Validate claims files").status == 0
    found = annotations(job_run.step("Annotate changed articles").stdout)
    assert job_run.step("Annotate changed articles").status == 0  # --fail-on never: annotating never fails
    # only the pull request's own disagreement: the new article against the seeds that count partners, one fact
    assert len(found) == 1
    assert all(line.startswith("::error file=005_delta_partners.txt,line=1,") and "CC101" in line for line in found)

    report = (pr.checkout / "crosscheck-report.md").read_text(encoding="utf-8")
    assert "005_delta_partners.txt" in report and "CC101" in report
    assert f"https://github.com/{REPOSITORY}/blob/{pr.head}/005_delta_partners.txt" in report
    assert report in job_run.summary

    comments = [c for c in pr.comments() if c["issue"] == PULL_REQUEST]
    ours = [c for c in comments if c["id"] > 4]
    assert len(ours) == 1 and ours[0]["body"] == f"{MARKER}\n{report}"
    assert [c["body"] for c in comments if c["id"] <= 4] == ["Coverage: 91%", "Docs preview is ready", f"{MARKER}\nnot crosscheck's"]

    assert job_run.step("Fail on disagreements").ran
    assert job_run.status == 1

    # the next push: the same comment is updated, no other is touched
    others = [c for c in pr.comments() if c["id"] != ours[0]["id"]]
    (pr.checkout / "crosscheck-report.md").unlink()
    assert pr.run().status == 1
    assert [c for c in pr.comments() if c["id"] != ours[0]["id"]] == others
    (updated,) = [c for c in pr.comments() if c["id"] == ours[0]["id"]]
    assert updated["body"] == f"{MARKER}\n{(pr.checkout / 'crosscheck-report.md').read_text(encoding='utf-8')}"


def test_an_agreeing_article_passes_and_main_moving_on_is_not_blamed_on_the_branch(tmp_path, monkeypatch):
    pr = make_pull_request(tmp_path, monkeypatch, AGREEING)
    job_run = pr.run(from_fork=True)

    # The seeds disagree among themselves (a CC101 error between two of them), and main changed one
    # of those two after the branch left it; the branch is checked from the merge base, so that
    # error is not the pull request's.
    assert annotations(job_run.step("Annotate changed articles").stdout) == []
    assert job_run.step("Markdown report").status == 0
    assert "005_delta_partners.txt" not in job_run.summary
    assert not job_run.step("Fail on disagreements").ran
    assert job_run.status == 0
    # a fork's token cannot comment: the step is skipped and gh is never called
    assert not job_run.step("Comment on the pull request").ran
    assert json.loads(pr.gh_state.read_text(encoding="utf-8"))["calls"] == []


def test_a_report_too_long_for_a_comment_is_replaced_by_a_link_to_the_run(tmp_path, monkeypatch):
    path, state = stand_in_gh(tmp_path, monkeypatch, [])
    (tmp_path / "crosscheck-report.md").write_text("| finding |\n" * 7000, encoding="utf-8")  # 84 kB
    step = next(s for s in job()["steps"] if s.get("name") == "Comment on the pull request")
    context = PullRequest(tmp_path, "0" * 40, "0" * 40, path, state).context()
    env = {**runner_env(context, path), **{k: expand(v, context) for k, v in step["env"].items()}}
    done = run_script(step["run"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    (comment,) = json.loads(state.read_text(encoding="utf-8"))["comments"]
    assert comment["body"] == (
        f"{MARKER}\nThe crosscheck report is too long for a comment: see"
        f" [the summary of this run](https://github.com/{REPOSITORY}/actions/runs/4242).\n"
    )


def test_the_since_commit_is_the_merge_base(tmp_path, monkeypatch):
    pr = make_pull_request(tmp_path, monkeypatch, AGREEING)
    spec = {s.get("id"): s for s in job()["steps"]}
    done = run_script(spec["base"]["run"], pr.checkout, {**os.environ, "BASE_REF": "main", "GITHUB_OUTPUT": str(tmp_path / "out")})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == f"commit={pr.merge_base}\n"
