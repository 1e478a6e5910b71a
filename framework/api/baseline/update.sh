#!/usr/bin/env bash
# Records the netmodel-api of this tree as a released baseline, then makes it the baseline the
# build checks against. Run it from the release commit, when the poms carry the release version
# (X.Y.Z, no -SNAPSHOT), before moving the poms to the next -SNAPSHOT:
#
#   framework/api/baseline/update.sh            # deploy X.Y.Z here, check against it from now on
#
# `mvn deploy` of framework/api writes io/netmodel/netmodel-api/X.Y.Z/ (jar, pom, .md5/.sha1) and
# maven-metadata.xml into this directory, its <distributionManagement> repository; it runs the
# baseline check against the previous release on the way (verify comes before deploy). A
# -SNAPSHOT is refused by Maven itself: the pom declares no snapshot repository. Extra arguments
# go to mvn (the first release had no previous one: -Dbnd.baseline.skip=true).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
case $(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' framework/api/pom.xml) in
  *-SNAPSHOT) echo "update.sh: the poms are at a -SNAPSHOT version; run this from the release commit" >&2; exit 1;;
esac
# No install: a release goes to this directory, not to ~/.m2.
mvn -B -pl framework/api -Dmaven.install.skip=true deploy "$@"
released=$(sed -n 's:.*<release>\(.*\)</release>.*:\1:p' "$here/io/netmodel/netmodel-api/maven-metadata.xml")
sed -i "s:<netmodel.api.baseline>[^<]*</netmodel.api.baseline>:<netmodel.api.baseline>$released</netmodel.api.baseline>:" \
  framework/api/pom.xml
echo "update.sh: netmodel-api $released recorded in framework/api/baseline; framework/api/pom.xml baselines against it"
