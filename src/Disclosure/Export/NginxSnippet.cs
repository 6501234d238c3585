namespace Reporting.Disclosure.Export;

/// <summary>
/// The content types and caching an exported site needs from nginx (transparency.md): the checkpoint is text that
/// changes, tiles, bundles and signed versions never change, and bundles go out compressed.
/// </summary>
internal static class NginxSnippet
{
    public const string Text = """
        # Include inside the server block whose root is the export folder. Caching is set with "expires", so that
        # the add_header lines below stay inherited by every location.
        location = /notices-log/checkpoint { default_type "text/plain; charset=utf-8"; expires 10s; }
        location ^~ /notices-log/checkpoints/ { default_type "text/plain; charset=utf-8"; expires max; }
        location = /notices-log/policy { default_type "text/plain; charset=utf-8"; expires 300s; }
        location ^~ /notices-log/tile/entries/ { default_type application/octet-stream; gzip on; gzip_types application/octet-stream; expires max; }
        location ^~ /notices-log/tile/ { default_type application/octet-stream; expires max; }
        location ~ ^/notices/[0-9a-f-]+/v[0-9]+\.json$ { default_type application/json; expires max; }
        location ~ ^/notices/[0-9a-f-]+/v[0-9]+\.sig$ { default_type application/octet-stream; expires max; }
        location ~ ^/notices/[0-9a-f-]+/v[0-9]+\.tlog-proof$ { default_type "text/plain; charset=utf-8"; expires 60s; }
        location ~ \.html$ { default_type "text/html; charset=utf-8"; expires 60s; }
        add_header X-Content-Type-Options nosniff always;
        add_header Content-Security-Policy "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" always;

        """;
}
