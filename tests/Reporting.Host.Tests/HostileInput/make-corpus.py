#!/usr/bin/env python3
"""Writes the hostile-input corpus as JSON Lines under corpus/, one file per kind of request part.

The corpus is data: the test reads these files and sends every case to every route it applies to. This script is
kept only to regenerate them; run it from this folder and commit what it writes. Bodies are base64, so that
invalid UTF-8 and overlong encodings reach the server byte for byte.
"""
import base64, json, os

def b64(data):
    return base64.b64encode(data if isinstance(data, bytes) else data.encode('utf-8')).decode('ascii')

def segments(data):
    """A body as [[base64, times], ...]: plain data is one segment; rep() spells a huge one in a few bytes."""
    return data if isinstance(data, list) else [[b64(data), 1]]

def rep(*pieces):
    """rep('[', ('[', 100000), ']') : each piece plain, or (text, times) repeated."""
    return [[b64(p[0]), p[1]] if isinstance(p, tuple) else [b64(p), 1] for p in pieces]

JSON = 'application/json'
FORM = 'application/x-www-form-urlencoded'
cases = {'body': [], 'headers': [], 'target': [], 'multipart': []}

def body(category, name, data, content_type=JSON):
    cases['body'].append({'id': f'body/{category}/{name}', 'category': category, 'contentType': content_type, 'body': segments(data)})

# Malformed and truncated JSON.
valid = '{"title":"违规收受礼金","summary":"某局长收受礼金","accused":[{"name":"张三","position":"局长"}],"receipt":"ABCD-EFGH-JKLM","token":"x"}'
for cut in range(1, len(valid), max(1, len(valid) // 25)):
    body('truncated-json', f'cut-{cut}', valid[:cut])
for i, text in enumerate([
    '', ' ', '\n', '{', '}', '[', ']', '{"a":}', '{"a" "b"}', '{a:1}', "{'a':'b'}", '{"a":1,}', '[1,2,]', '{"a":1}{"b":2}',
    '{"a":1} trailing', '/* comment */ {}', '{"a":1 // comment\n}', '{"a":NaN}', '{"a":Infinity}', '{"a":-Infinity}',
    '{"a":undefined}', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":0x10}', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"\\uD800"}',
    '{"a":"\\uDC00\\uD800"}', '{"a":"unterminated}', '{"a":"tab\there"}', '{"a":"new\nline"}', '\ufeff{}', 'null', 'true',
    '0', '"a string"', '[]', '[{}]', '{"":""}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}',
    '{"$type":"System.IO.FileInfo, System.IO.FileSystem","fileName":"/etc/passwd"}', '{"a":1,"a":2}',
]):
    body('malformed-json', f'{i:03}', text)

# Wrong types for the fields our requests carry.
fields = ['title', 'summary', 'details', 'accused', 'receipt', 'token', 'nonce', 'challenge', 'username', 'password',
          'caseId', 'body', 'headline', 'kind', 'reason', 'category', 'deadline', 'version', 'roles', 'message']
wrong = {'number': 12345, 'negative': -1, 'float': 1e308, 'bool': True, 'null': None, 'array': [1, 2], 'object': {'x': {}},
         'empty': ''}
for field in fields:
    for kind, value in wrong.items():
        body('wrong-type', f'{field}-{kind}', json.dumps({field: value}))

# Huge and deeply nested values.
body('huge', 'string-1mb', rep('{"title":"', ('A', 1 << 20), '"}'))
body('huge', 'string-300kb-cjk', rep('{"summary":"', ('举报', 50_000), '"}'))
body('huge', 'many-keys', json.dumps({f'k{i}': i for i in range(5_000)}))
body('huge', 'duplicate-keys', rep('{', ('"title":"x",', 50_000), '"title":"y"}'))
body('huge', 'long-array', rep('{"accused":[', ('{"name":"x"},', 100_000), '{"name":"x"}]}'))
body('huge', 'number-digits', rep('{"version":', ('9', 100_000), '}'))
body('huge', 'exponent', '{"version":1e999999}')
body('huge', 'key-1mb', rep('{"', ('k', 1 << 20), '":1}'))
for depth in (64, 65, 1_000, 100_000):
    body('deep', f'arrays-{depth}', rep(('[', depth), (']', depth)))
    body('deep', f'objects-{depth}', rep(('{"a":', depth), '1', ('}', depth)))
body('deep', 'unclosed-100k', rep(('[', 100_000)))

# Invalid UTF-8 and overlong encodings, inside JSON strings and bare.
bad_bytes = {
    'lone-continuation': b'\x80', 'truncated-2': b'\xc3', 'truncated-3': b'\xe4\xb8', 'truncated-4': b'\xf0\x9f\x98',
    'overlong-slash': b'\xc0\xaf', 'overlong-dot': b'\xc0\xae', 'overlong-nul': b'\xc0\x80', 'overlong-3': b'\xe0\x80\xaf',
    'overlong-4': b'\xf0\x80\x80\xaf', 'surrogate-d800': b'\xed\xa0\x80', 'surrogate-dfff': b'\xed\xbf\xbf',
    'above-10ffff': b'\xf4\x90\x80\x80', 'ff': b'\xff', 'fe': b'\xfe', 'five-byte': b'\xf8\x88\x80\x80\x80',
}
for name, raw in bad_bytes.items():
    body('invalid-utf8', f'in-string-{name}', b'{"title":"a' + raw + b'b","summary":"x' + raw + b'"}')
    body('invalid-utf8', f'bare-{name}', raw * 3)
body('invalid-utf8', 'utf16-bom', '\ufeff{"a":1}'.encode('utf-16'))
body('invalid-utf8', 'utf32', '{"a":1}'.encode('utf-32'))

# Control characters, bidirectional overrides, null bytes (valid JSON, hostile text).
specials = {'nul': '\u0000', 'bell': '\u0007', 'escape': '\u001b[31m', 'del': '\u007f', 'rlo': '\u202e', 'lro': '\u202d',
            'rli': '\u2067', 'pdi': '\u2069', 'zwj': '\u200d', 'zwsp': '\u200b', 'bom': '\ufeff', 'line-sep': '\u2028',
            'para-sep': '\u2029', 'nonchar': '\uffff', 'replacement': '\ufffd', 'combining': 'a' + '\u0301' * 500,
            'crlf': 'a\r\nSet-Cookie: x=1', 'tag-chars': '\U000e0041\U000e0042', 'private-use': '\ue000'}
for name, text in specials.items():
    body('control-and-bidi', name, json.dumps({'title': f'标题{text}标题', 'username': f'admin{text}', 'receipt': f'ABCD{text}'}))

# SQL, HTML and script payloads as values.
sql = ["' OR '1'='1", "'; DROP TABLE reporting.mt_events; --", "1; SELECT pg_sleep(10)", "' UNION SELECT data FROM reporting.mt_events --",
       "\\'; COPY (SELECT 1) TO PROGRAM 'id'; --", "$$; SELECT 1; $$", "admin'--", "%' AND 1=1 --", "1' AND pg_sleep(5)::text='",
       "E'\\\\x00'", "')) OR 1=1 --", "\"; DELETE FROM mt_streams; --"]
for i, payload in enumerate(sql):
    body('sql', f'{i:02}', json.dumps({'title': payload, 'summary': payload, 'username': payload, 'password': payload,
                                       'receipt': payload, 'q': payload}))
    body('sql', f'form-{i:02}', 'username=' + payload.replace('%', '%25').replace('&', '%26') + '&password=x&title=' + payload, FORM)
markup = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)", '<svg onload=alert(1)>',
          '</textarea><script>alert(1)</script>', '{{7*7}}', '${7*7}', '@(7*7)', '<iframe src="//evil.example">',
          '<a href="javascript:alert(1)">x</a>', '<style>*{display:none}</style>', '<meta http-equiv="refresh" content="0;url=//evil.example">']
for i, payload in enumerate(markup):
    body('markup', f'{i:02}', json.dumps({'title': payload, 'summary': payload, 'headline': payload, 'body': payload, 'message': payload}))
    body('markup', f'form-{i:02}', 'title=' + payload + '&summary=' + payload + '&message=' + payload + '&returnTo=' + payload, FORM)

# Form bodies that are wrong in themselves.
for i, text in enumerate(['=', '&&&', '%', '%ZZ', '%C0%AF', '%00', 'a=%E4%B8', rep('a=', ('%41', 50_000)), 'a[]=1&a[x]=2',
                          rep(('k=v&', 20_000)), rep('username=', ('u', 300_000))]):
    body('malformed-form', f'{i:02}', text, FORM)

# A body under the wrong or a hostile content type.
for i, ct in enumerate(['text/plain', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=x-evil',
                        'multipart/form-data', 'application/x-www-form-urlencoded; charset=utf-7', '', '../../etc/passwd',
                        'application/json, text/html']):
    body('content-type', f'{i:02}', '{"title":"x"}', ct)

# Raw header cases: each is a list of header lines added to an otherwise ordinary request; "replace" drops the
# request's own Content-Length (or Host) so that the case's own is the only one.
def header(name, lines, replace=()):
    cases['headers'].append({'id': f'headers/{name}', 'category': 'headers', 'lines': lines, 'replace': list(replace)})
header('crlf-in-value', ['X-Note: a\rSet-Cookie: x=1'])
header('lf-in-value', ['X-Note: a\nX-Injected: 1'])
header('nul-in-value', ['X-Note: a\u0000b'])
header('obs-fold', ['X-Note: a', ' folded continuation'])
header('space-before-colon', ['X-Note : a'])
header('no-colon', ['X-Note'])
header('empty-name', [': value'])
header('non-ascii-name', ['X-Nöte: a'])
header('utf8-value', ['X-Note: 举报'])
header('latin1-value', ['X-Note: \u00ff\u00fe'])
header('duplicate-content-length', ['Content-Length: 0', 'Content-Length: 5'], replace=['Content-Length'])
header('negative-content-length', ['Content-Length: -1'], replace=['Content-Length'])
header('huge-content-length', ['Content-Length: 99999999999999999999'], replace=['Content-Length'])
header('content-length-list', ['Content-Length: 2, 2'], replace=['Content-Length'])
header('te-and-cl', ['Transfer-Encoding: chunked', 'Content-Length: 2'], replace=['Content-Length'])
header('te-unknown', ['Transfer-Encoding: gzip, identity'], replace=['Content-Length'])
header('te-obfuscated', ['Transfer-Encoding : chunked'], replace=['Content-Length'])
header('duplicate-host', ['Host: evil.example'])
header('no-host', [], replace=['Host'])
header('host-with-path', ['Host: localhost/../../etc'], replace=['Host'])
header('host-with-userinfo', ['Host: user@evil.example'], replace=['Host'])
header('duplicate-content-type', ['Content-Type: text/html'])
header('duplicate-authorization', ['Authorization: Bearer forged.token.value'])
header('authorization-garbage', ['Authorization: Bearer ' + 'A' * 5000])
header('authorization-none-alg', ['Authorization: Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbjEiLCJyb2xlIjoiYWRtaW4ifQ.'])
header('authorization-basic', ['Authorization: Basic YWRtaW4xOmRldi1wYXNzd29yZC1jaGFuZ2UtbWU='])
header('cookie-flood', ['Cookie: ' + '; '.join(f'c{i}=v' for i in range(300))])
header('cookie-forged-session', ['Cookie: __Host-staff-session=forged; staff-antiforgery=forged'])
header('cookie-invalid', ['Cookie: =;;=;a=\u0001'])
header('forwarded-for', ['X-Forwarded-For: 203.0.113.7', 'Forwarded: for=203.0.113.7;proto=https', 'X-Real-IP: 203.0.113.7'])
header('forwarded-host', ['X-Forwarded-Host: evil.example', 'X-Forwarded-Proto: https', 'X-Original-URL: /api/cases'])
header('method-override', ['X-HTTP-Method-Override: DELETE', 'X-Method-Override: PUT'])
header('accept-garbage', ['Accept: */*;q=abc, text/html;level=' + '9' * 1000])
header('accept-language-huge', ['Accept-Language: ' + ','.join(f'zz-{i};q=0.{i % 10}' for i in range(800))])
header('range-garbage', ['Range: bytes=-1-2,99999999999999999999-'])
header('if-match-garbage', ['If-Match: "' + 'x' * 3000 + '"'])
header('if-none-match-many', ['If-None-Match: ' + ', '.join(f'"{i}"' for i in range(1000))])
header('expect-continue-unknown', ['Expect: 100-continue-evil'])
header('upgrade-websocket', ['Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='])
header('upgrade-h2c', ['Connection: Upgrade, HTTP2-Settings', 'Upgrade: h2c', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA'])
header('header-16kb', ['X-Big: ' + 'b' * 16_500])
header('sixty-headers', [f'X-H{i}: v' for i in range(60)])
header('content-encoding-gzip', ['Content-Encoding: gzip'])
header('content-encoding-bomb', ['Content-Encoding: br, gzip, deflate, gzip'])
header('origin-foreign', ['Origin: https://evil.example', 'Sec-Fetch-Site: cross-site'])
header('referer-huge', ['Referer: https://evil.example/' + 'r' * 8000])

# Request targets: hostile path segments put in place of route parameters, and hostile query strings.
def target(name, segment=None, query=None):
    cases['target'].append({'id': f'target/{name}', 'category': 'target', 'segment': segment, 'query': query})
for name, segment in {'dotdot': '..', 'traversal': '..%2F..%2F..%2Fetc%2Fpasswd', 'traversal-backslash': '..%5C..%5Cwindows',
                      'overlong-dot': '%C0%AE%C0%AE%C0%AF', 'double-encoded': '%252e%252e%252f', 'nul': 'a%00b', 'bad-percent': '%ZZ',
                      'invalid-utf8': '%FF%FE', 'sql': "1'%20OR%20'1'='1", 'script': '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
                      'long': 'a' * 4000, 'guid-braces': '{00000000-0000-0000-0000-000000000000}', 'empty-guid': '00000000-0000-0000-0000-000000000000',
                      'negative': '-1', 'huge-number': '9' * 40, 'unicode': '%E4%B8%BE%E6%8A%A5', 'semicolon': 'a;jsessionid=1',
                      'encoded-slash': 'a%2Fb', 'dot': '.', 'rtl': '%E2%80%AE'}.items():
    target(f'segment-{name}', segment=segment)
for name, query in {'sql': "q=1'%20OR%201=1--", 'script': 'q=%3Cscript%3Ealert(1)%3C/script%3E&lang=%22%3E%3Csvg%20onload=alert(1)%3E',
                    'bad-percent': 'q=%ZZ%', 'invalid-utf8': 'q=%FF%C0%AF', 'nul': 'q=a%00b', 'long': 'q=' + 'a' * 7000,
                    'many': '&'.join(f'p{i}=1' for i in range(1000)), 'duplicated': 'lang=en&lang=zh&lang=../../x',
                    'page-negative': 'page=-1&size=-5&year=-2026', 'page-huge': 'page=99999999999999999999&year=99999',
                    'returnTo-external': 'returnTo=https://evil.example&returnTo=//evil.example', 'crlf': 'q=a%0D%0ASet-Cookie:%20x=1',
                    'bidi': 'q=%E2%80%AEtxt.exe', 'array-syntax': 'q[]=1&q[0]=2&q[$ne]=x', 'empty-keys': '=&=&=1'}.items():
    target(f'query-{name}', query=query)

# Multipart bodies: file names, forged boundaries, wrong parts.
def multipart(name, raw, content_type):
    cases['multipart'].append({'id': f'multipart/{name}', 'category': 'multipart', 'contentType': content_type, 'body': segments(raw)})
def part(filename, content=b'hello', boundary='XyZ', field='file', ctype='text/plain', extra=b''):
    return (f'--{boundary}\r\nContent-Disposition: form-data; name="receipt"\r\n\r\nABCD-EFGH-JKLM-NPQR\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            f'Content-Type: {ctype}\r\n\r\n').encode('utf-8') + content + extra + f'\r\n--{boundary}--\r\n'.encode()
MP = 'multipart/form-data; boundary=XyZ'
for name, filename in {'traversal': '../../../../etc/passwd', 'traversal-backslash': '..\\..\\..\\windows\\win.ini',
                       'absolute': '/etc/shadow', 'nul': 'evidence.pdf\u0000.exe', 'rtl': 'photo\u202egpj.exe', 'long': 'a' * 5000 + '.pdf',
                       'empty': '', 'dot': '.', 'dotdot': '..', 'encoded': '%2e%2e%2fetc%2fpasswd', 'script': '<script>alert(1)</script>.png',
                       'sql': "x'; DROP TABLE mt_events; --.txt", 'crlf': 'a.txt\r\nContent-Type: text/html', 'windows-device': 'CON.txt',
                       'unicode': '举报材料.pdf', 'quote': 'a".txt', 'tilde': '~/.ssh/id_rsa'}.items():
    multipart(f'filename-{name}', part(filename), MP)
multipart('boundary-missing', part('a.txt'), 'multipart/form-data')
multipart('boundary-mismatch', part('a.txt'), 'multipart/form-data; boundary=Other')
multipart('boundary-too-long', part('a.txt', boundary='B' * 200), 'multipart/form-data; boundary=' + 'B' * 200)
multipart('boundary-empty', part('a.txt', boundary=''), 'multipart/form-data; boundary=')
multipart('boundary-quoted-forged', part('a.txt'), 'multipart/form-data; boundary="XyZ"; boundary=Evil')
multipart('no-final-boundary', part('a.txt')[:-8], MP)
multipart('no-parts', b'--XyZ--\r\n', MP)
multipart('only-preamble', b'this is not multipart at all', MP)
multipart('boundary-in-content', part('a.txt', content=b'--XyZ\r\nContent-Disposition: form-data; name="receipt"\r\n\r\nforged'), MP)
multipart('no-disposition', b'--XyZ\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n', MP)
multipart('disposition-garbage', b'--XyZ\r\nContent-Disposition: \xff\xfe;;;name\r\n\r\nhello\r\n--XyZ--\r\n', MP)
multipart('part-headers-huge', rep('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nX-Big: ', ('h', 20_000), '\r\n\r\nhello\r\n--XyZ--\r\n'), MP)
multipart('many-parts', rep(('--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n', 5000), '--XyZ--\r\n'), MP)
multipart('two-files', part('a.txt', extra=b'\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="b.txt"\r\n\r\nsecond'), MP)
multipart('declared-pdf-is-html', part('report.pdf', content=b'<html><script>alert(1)</script></html>', ctype='application/pdf'), MP)
multipart('polyglot-gif', part('a.gif', content=b'GIF89a/*<script>alert(1)</script>*/', ctype='image/gif'), MP)
multipart('zip-bomb-header', part('a.zip', content=b'PK\x03\x04' + b'\x00' * 26 + b'\xff' * 64, ctype='application/zip'), MP)
multipart('field-name-traversal', part('a.txt', field='../file'), MP)
multipart('content-type-garbage', part('a.txt', ctype='text/html; charset=\u00ff\r\nX: y'), MP)

os.makedirs('corpus', exist_ok=True)
for kind, items in cases.items():
    with open(f'corpus/{kind}.jsonl', 'w', encoding='utf-8', newline='\n') as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=True) + '\n')
print(', '.join(f'{kind}: {len(items)}' for kind, items in cases.items()), '; total', sum(len(i) for i in cases.values()))
