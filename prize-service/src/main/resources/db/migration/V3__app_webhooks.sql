-- What a draw needs to hand the choice to the room's app (docs/webhooks.md): the manifest version each room is
-- locked to and the participants' metadata the app receives with them (the apps and their manifests are
-- platform-support's replica_apps / replica_app_manifests). Rooms and participants replicated before this
-- migration get the new columns with their next event (or all at once with `./platform db reset`); until then a
-- room without a locked version uses its app's current manifest.
ALTER TABLE replica_rooms ADD COLUMN app_manifest_version text;
ALTER TABLE replica_participants ADD COLUMN metadata jsonb;
