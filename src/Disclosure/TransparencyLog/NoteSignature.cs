namespace Reporting.Disclosure.TransparencyLog;

/// <summary>One signature line of a note: the key it names, and the signature without its 4-byte key id.</summary>
internal sealed record NoteSignature(string Name, uint KeyId, byte[] Signature);
