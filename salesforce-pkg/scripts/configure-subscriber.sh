#!/usr/bin/env bash
# Sets the running user and batch size of the Incident_Update__e trigger in one org (the post-install
# step "Subscriber user" of README.md) by deploying a PlatformEventSubscriberConfig for
# SeamIncidentUpdateTrigger.
#   scripts/configure-subscriber.sh <org-alias> <integration-username> [batch-size]
# Not part of the package: the config names a user by username, and a username exists in one org
# only, so a packaged config could not install anywhere else. The batch size defaults to 200 (one
# chunk of SeamIncidentUpdateHandler per delivery); 1 through 2000 are allowed.
set -euo pipefail

org="${1:-}"
user="${2:-}"
batch="${3:-200}"
if [[ -z "$org" || -z "$user" ]]; then
  echo "usage: $0 <org-alias> <integration-username> [batch-size 1..2000]" >&2
  echo "  the user must exist and be active in that org and hold permission set Seam_Integration" >&2
  exit 2
fi
if ! [[ "$batch" =~ ^[0-9]+$ ]] || (( batch < 1 || batch > 2000 )); then
  echo "batch size must be 1 through 2000 (PlatformEventSubscriberConfig.batchSize), got: $batch" >&2
  exit 2
fi
if [[ "$user" =~ [\<\>\&] ]]; then
  echo "username must not contain < > &: $user" >&2
  exit 2
fi

if command -v sf >/dev/null 2>&1; then
  SF=(sf)
else
  echo "sf CLI not installed; using npx --yes @salesforce/cli@2" >&2
  SF=(npx --yes @salesforce/cli@2)
fi

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/PlatformEventSubscriberConfigs"
cat > "$dir/package.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>SeamIncidentUpdateTriggerConfig</members>
        <name>PlatformEventSubscriberConfig</name>
    </types>
    <version>62.0</version>
</Package>
XML
cat > "$dir/PlatformEventSubscriberConfigs/SeamIncidentUpdateTriggerConfig.platformEventSubscriberConfig" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<PlatformEventSubscriberConfig xmlns="http://soap.sforce.com/2006/04/metadata">
    <batchSize>${batch}</batchSize>
    <masterLabel>SeamIncidentUpdateTriggerConfig</masterLabel>
    <platformEventConsumer>SeamIncidentUpdateTrigger</platformEventConsumer>
    <user>${user}</user>
</PlatformEventSubscriberConfig>
XML

"${SF[@]}" project deploy start --metadata-dir "$dir" --target-org "$org" --wait 10
echo "SeamIncidentUpdateTrigger now runs as $user with batch size $batch in $org"
