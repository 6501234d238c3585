using System.Text;
using NSec.Cryptography;

namespace Reporting.Cryptography.Tests;

public class AeadKnownAnswerTests
{
    private const string Sunscreen = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    private const string Key80To9F = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    private const string AssociatedData = "50515253c0c1c2c3c4c5c6c7";

    [Fact]
    public void Draft_irtf_cfrg_xchacha_appendix_A_3_1_XChaCha20_Poly1305()
    {
        AssertKnownAnswer(
            AeadAlgorithm.XChaCha20Poly1305,
            "404142434445464748494a4b4c4d4e4f5051525354555657",
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452" +
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e",
            "c0875924c1c7987947deafd8780acf49");
    }

    [Fact]
    public void Rfc8439_section_2_8_2_ChaCha20_Poly1305()
    {
        AssertKnownAnswer(
            AeadAlgorithm.ChaCha20Poly1305,
            "070000004041424344454647",
            "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36" +
            "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116",
            "1ae10b594f09e26a7e902ecbd0600691");
    }

    private static void AssertKnownAnswer(AeadAlgorithm aead, string nonce, string ciphertext, string tag)
    {
        using var key = Key.Import(aead, Convert.FromHexString(Key80To9F), KeyBlobFormat.RawSymmetricKey);
        var plaintext = Encoding.ASCII.GetBytes(Sunscreen);
        var sealedText = aead.Encrypt(key, Convert.FromHexString(nonce), Convert.FromHexString(AssociatedData), plaintext);

        Assert.Equal(ciphertext + tag, Convert.ToHexString(sealedText).ToLowerInvariant());
        Assert.Equal(plaintext, aead.Decrypt(key, Convert.FromHexString(nonce), Convert.FromHexString(AssociatedData), sealedText));
    }
}
