#!/usr/bin/env bash
# The README's promise, checked as a new user meets it (issue 14): from a fresh clone and an EMPTY
# local Maven repository, run the README's install step, then build a new project outside the clone
# from the README's "Add it" block, its new-project plugin block and its first Java snippet, copied
# verbatim, and run that test against the sandbox. Prints the time each step took.
#
# Usage: .ci/fresh-clone-check.sh [git-url-or-path] [branch]   (default: this checkout, its branch)
# Needs network access to Maven Central (the repository starts empty) and a JDK 17+. Uses the
# clone's own Maven wrapper for the user project too, so the result does not depend on the machine's
# Maven. Leaves everything under one temporary directory, printed at the end.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
source_repo="${1:-$here}"
branch="${2:-$(git -C "$here" rev-parse --abbrev-ref HEAD)}"
work="$(mktemp -d -t tickguard-fresh-XXXXXX)"
repo="$work/m2"
export MAVEN_USER_HOME="$work/maven-home"   # the wrapper downloads Maven itself, like a new user's

start=$(date +%s)
git clone -q -b "$branch" "$source_repo" "$work/clone"
cd "$work/clone"
# The README's install step, with the empty repository.
./mvnw -B -q install -DskipTests -Dmaven.repo.local="$repo"
installed=$(date +%s)

# A new project: the README's blocks verbatim, inside the minimal pom every project has.
user="$work/my-bot"
mkdir -p "$user/src/test/java"
block() { # $1 = fence language, $2 = which block of that language (1-based)
  awk -v lang="$1" -v want="$2" '
    $0 == "```" lang { n++; inside = (n == want); next }
    /^```/ { inside = 0; next }
    inside { print }' README.md
}
{
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<project xmlns="http://maven.apache.org/POM/4.0.0">' \
    '  <modelVersion>4.0.0</modelVersion>' \
    '  <groupId>com.example</groupId>' \
    '  <artifactId>my-bot</artifactId>' \
    '  <version>1.0</version>' \
    '  <properties>' \
    '    <maven.compiler.release>17</maven.compiler.release>' \
    '    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>' \
    '  </properties>'
  block xml 1
  block xml 2
  echo '</project>'
} > "$user/pom.xml"
block java 1 > "$user/src/test/java/FirstCallTest.java"

cd "$user"
"$work/clone/mvnw" -B test -Dmaven.repo.local="$repo" | tee "$work/user-build.log" | grep -E "Tests run:|BUILD|OrderBook\[" || true
grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$work/user-build.log"
done_at=$(date +%s)

echo "fresh-clone check passed: install $((installed - start)) s, new project $((done_at - installed)) s," \
  "total $((done_at - start)) s (work dir $work)"
