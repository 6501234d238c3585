using static Reporting.Disclosure.Site.PublicPage;

namespace Reporting.Disclosure.Site;

/// <summary>
/// <c>GET /verify</c>: how a member of the public checks a notice with Debian's own tools, step by step, and how an
/// auditor checks the whole log with Go's checksum-database code.
/// </summary>
internal static class VerifyPage
{
    public static string Render(Language language, string publicBaseUrl, string origin)
    {
        var site = Encode(publicBaseUrl.TrimEnd('/'));
        string Step(string chinese, string english, string commands) =>
            $"<li><p>{language.Pick(chinese, english)}</p><pre><code>{Encode(commands)}</code></pre></li>";
        var body = $"""
            <p>{language.Pick(
                "本站的通报不必凭信任接受。每一版通报都有数字签名；每一次发布都写入一个只能追加的公开日志（与 Go 校验和数据库、证书透明日志相同的 C2SP 格式），日志的树根由另一把日志密钥签名。任何人都可以用 Debian 自带的工具检查：通报未被改动，通报确实收录在日志中，日志从未被改写。",
                "You need not take these notices on trust. Every version is digitally signed; every publication is appended to a public append-only log (in the C2SP formats of Go's checksum database and Certificate Transparency), whose tree heads are signed with a separate log key. Anyone can check with Debian's own tools that a notice is unaltered, that it is in the log, and that the log was never rewritten.")}</p>
            <p>{language.Pick("先从本站以外的渠道（例如公报、报纸）取得日志公钥和通报公钥，与本站", "First obtain the log and notice public keys from a channel other than this site (a bulletin, a newspaper) and compare them with this site's")} <a href="/notices-log/keys.json">keys.json</a>{language.Pick("比对。日志名称（origin）是", ". The log's name (origin) is")} <code>{Encode(origin)}</code>.</p>
            <h2>{language.Pick("核验一条通报", "Checking one notice")}</h2>
            <ol>
            {Step("安装工具（Debian 12）：", "Install the tools (Debian 12):", "sudo apt install curl openssl jq coreutils")}
            {Step("下载通报第 1 版的原文、签名和收录证明（把 ID 换成通报页上的编号）：", "Download version 1 of the notice, its signature and its inclusion proof (put the notice's id in ID):",
                $"ID=…\ncurl -sO {site}/notices/$ID/v1.json\ncurl -sO {site}/notices/$ID/v1.sig\ncurl -sO {site}/notices/$ID/v1.tlog-proof\ncurl -s {site}/notices-log/keys.json > keys.json")}
            {Step("用通报公钥验证签名（把 32 字节的 Ed25519 公钥包装成 DER 格式）：", "Check the signature with the notice key (the 32-byte Ed25519 key wrapped as DER):",
                "KEYID=$(sed -n 's/^extra //p' v1.tlog-proof | base64 -d | jq -r .noticeKeyId)\n{ printf '302a300506032b6570032100' | xxd -r -p; jq -r \".notice[] | select(.keyId==\\\"$KEYID\\\") | .publicKey\" keys.json | base64 -d; } > notice-key.der\nopenssl pkeyutl -verify -pubin -inkey notice-key.der -keyform DER -rawin -in v1.json -sigfile v1.sig")}
            {Step("核对日志记录中的哈希与原文一致：", "Check that the log record holds the hash of the text:",
                "sed -n 's/^extra //p' v1.tlog-proof | base64 -d > record.json\njq -r .contentSha256 record.json\nopenssl dgst -sha256 -binary v1.json | base64")}
            {Step("两行输出应当相同。记录中没有任何人名。收录证明（.tlog-proof）中的检查点由日志密钥签名，下一节的程序可验证它以及收录路径：", "The two lines must be equal. The record names nobody. The checkpoint inside the .tlog-proof is signed by the log key; the program in the next section checks it and the inclusion path:",
                "./tlogverify inclusion \"$LOG_VKEY\" v1.tlog-proof record.json")}
            </ol>
            <h2>{language.Pick("核验整个日志", "Checking the whole log")}</h2>
            <p>{language.Pick("下面的 Go 程序只使用 Go 官方的 sumdb/note 与 sumdb/tlog 代码（Debian 软件包 golang-golang-x-mod-dev），不依赖本系统的任何代码：", "The Go program below uses only Go's own sumdb/note and sumdb/tlog code (Debian's golang-golang-x-mod-dev package), nothing of this system:")} <a href="/verify/tlogverify.go">tlogverify.go</a></p>
            <ol>
            {Step("构建（离线即可）：", "Build it (works offline):", "sudo apt install golang-go golang-golang-x-mod-dev\ncurl -sO " + publicBaseUrl.TrimEnd('/') + "/verify/tlogverify.go\nGO111MODULE=off GOPATH=/usr/share/gocode go build -o tlogverify tlogverify.go")}
            {Step("下载日志（检查点、瓦片和记录包，C2SP tlog-tiles 格式），验证检查点签名，并由瓦片重算整棵树：", "Fetch the log (checkpoint, tiles and entry bundles in the C2SP tlog-tiles layout), check the checkpoint's signature and recompute the tree from the tiles:",
                $"LOG_VKEY=$(jq -r '.log[-1].vkey' keys.json)\nwget -q -r -np -nH {site}/notices-log/\n./tlogverify tree \"$LOG_VKEY\" notices-log")}
            {Step("保存今天的检查点；以后再次下载时，验证新日志包含旧的树（日志只增不改）：", "Keep today's checkpoint; next time, check that the new log contains the old tree (the log only grows):",
                "cp notices-log/checkpoint saved-checkpoint\n# later:\n./tlogverify consistency \"$LOG_VKEY\" saved-checkpoint notices-log")}
            </ol>
            <p>{language.Pick("两个签名都有效、但互不一致的检查点，就是日志被改写的证据。请把您保存的检查点公开，越多人保存，改写越难隐藏。", "Two validly signed checkpoints that disagree are proof that the log was rewritten. Publish the checkpoints you keep: the more people keep them, the harder a rewrite is to hide.")}</p>
            """;
        return PublicPage.Html(language, Section.Verify, "/verify", language.Pick("如何核验", "How to verify"), body);
    }
}
