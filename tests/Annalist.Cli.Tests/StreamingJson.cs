using System.Text.Json;

namespace Annalist.Cli.Tests;

/// <summary>Validates a JSON file of any size chunk by chunk, without loading it whole.</summary>
internal static class StreamingJson
{
    /// <summary>Reads the whole file with <see cref="Utf8JsonReader"/> (which throws on invalid JSON) and returns <c>document.length</c> and whether <c>layers</c> was seen.</summary>
    public static (long Length, bool HasLayers) ValidateAndReadDocumentLength(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        int filled = 0;
        var state = new JsonReaderState();
        bool final = false;
        long length = -1;
        bool hasLayers = false;
        int depth = 0;
        string? lastProperty = null;
        bool inDocument = false;
        while (true)
        {
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            final = read == 0;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (depth == 1 && lastProperty == "document") inDocument = true;
                        if (depth == 1 && lastProperty == "layers") hasLayers = true;
                        depth++;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        depth--;
                        if (depth == 1) inDocument = false;
                        break;
                    case JsonTokenType.PropertyName:
                        lastProperty = reader.GetString();
                        break;
                    case JsonTokenType.Number when inDocument && depth == 2 && lastProperty == "length":
                        length = reader.GetInt64();
                        break;
                }
            }
            if (final)
            {
                if (depth != 0 || length < 0) throw new JsonException("The JSON ends early.");
                return (length, hasLayers);
            }
            state = reader.CurrentState;
            int consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }
}
