"""The audit trail becomes a hash chain and append-only at the database level; a revoked API token can no longer
be revived by an UPDATE. Events written before this migration get their hashes here, in the order they were written.
The triggers live in `phoihop.core.audit` (install_guards), so that `verify_audit` can check they are in place."""

import django.utils.timezone
from django.db import migrations, models


def chain_existing_events(apps, schema_editor):
    from phoihop.core.models import CHAINED_FIELDS, chain_hash

    AuditEvent = apps.get_model("core", "AuditEvent")
    alias = schema_editor.connection.alias
    events = AuditEvent.objects.using(alias).order_by("pk")
    if not events.filter(chain_hash="").exists():
        return  # nothing to chain (a new database, or this step replayed after the guards are in)
    previous = ""
    for event in events.iterator(chunk_size=2000):
        value = chain_hash(previous, {name: getattr(event, name) for name in CHAINED_FIELDS})
        if event.chain_hash != value:
            AuditEvent.objects.using(alias).filter(pk=event.pk).update(chain_hash=value)
        previous = value


def install_guards(apps, schema_editor):
    from phoihop.core.audit import install_guards as install

    install(schema_editor.connection)


def remove_guards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in ("core_auditevent_no_update", "core_auditevent_no_delete", "accounts_apitoken_stays_revoked"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS core_auditevent_no_change ON core_auditevent")
            cursor.execute("DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent")
            cursor.execute("DROP TRIGGER IF EXISTS accounts_apitoken_stays_revoked ON accounts_apitoken")
            cursor.execute("DROP FUNCTION IF EXISTS phoihop_audit_append_only()")
            cursor.execute("DROP FUNCTION IF EXISTS phoihop_token_stays_revoked()")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('accounts', '0002_vietnamese_field_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='chain_hash',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='mã chuỗi'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='occurred_at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='thời điểm'),
        ),
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop),
        migrations.RunPython(install_guards, remove_guards),
    ]
