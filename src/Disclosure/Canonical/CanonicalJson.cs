using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reporting.Disclosure.Canonical;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme): the bytes a notice is signed over and the log's entries are hashed over.
/// Written here because System.Text.Json's writer escapes differently (it escapes non-ASCII and HTML characters, RFC
/// 8785 writes them as UTF-8) and formats numbers in .NET's way, not ECMAScript's. Input that RFC 8785 cannot
/// canonicalise (duplicate names, lone surrogates, numbers beyond IEEE 754 double) is refused, not repaired.
/// </summary>
public static class CanonicalJson
{
    /// <exception cref="JsonException">The input is not JSON, or is JSON that RFC 8785 does not admit.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        return Canonicalize(document.RootElement);
    }

    /// <inheritdoc cref="Canonicalize(ReadOnlySpan{byte})"/>
    public static byte[] Canonicalize(JsonElement element)
    {
        var text = new StringBuilder();
        try
        {
            Write(element, text);
        }
        catch (InvalidOperationException exception)
        {
            // The only lone surrogates valid UTF-8 input can carry are escaped ones ("\ud800"), and System.Text.Json
            // refuses to decode those into a name or string: RFC 8785 §3.2.2.2 requires exactly that refusal.
            throw new JsonException("A string holds a lone surrogate, which RFC 8785 does not admit.", exception);
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text.ToString());
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // §3.2.3: members sorted by their names' UTF-16 code units, which is what ordinal comparison compares.
                var members = element.EnumerateObject().Select(member => (member.Name, member.Value)).ToList();
                members.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0 && members[i].Name == members[i - 1].Name)
                        throw new JsonException($"The name \"{members[i].Name}\" appears twice in one object (RFC 8785 requires I-JSON).");
                    if (i > 0)
                        text.Append(',');
                    WriteString(members[i].Name, text);
                    text.Append(':');
                    Write(members[i].Value, text);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                        text.Append(',');
                    first = false;
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                    throw new JsonException($"The number {element.GetRawText()} is beyond IEEE 754 double precision.");
                text.Append(EcmaScriptNumber.Format(number));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new JsonException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    /// <summary>§3.2.2.2: only the quotation mark, the reverse solidus and the C0 controls are escaped; all else is literal.</summary>
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
