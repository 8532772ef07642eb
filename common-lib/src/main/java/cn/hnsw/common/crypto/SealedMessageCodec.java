package cn.hnsw.common.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * JSON and XML forms of {@link SealedMessage}. Both carry the same ten fields under the same names; byte fields are
 * canonical padded base64 and the timestamp is {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC.
 *
 * <pre>
 * {"version":1,"messageId":"…","senderKeyId":"…","recipientKeyId":"…","timestamp":"2025-06-01T08:00:00.000Z",
 *  "nonce":"…","wrappedKey":"…","iv":"…","ciphertext":"…","signature":"…"}
 *
 * &lt;SealedMessage&gt;&lt;version&gt;1&lt;/version&gt;&lt;messageId&gt;…&lt;/messageId&gt;…&lt;signature&gt;…&lt;/signature&gt;&lt;/SealedMessage&gt;
 * </pre>
 *
 * <p>Parsing is strict on purpose: every field exactly once, no unknown field, no attributes, no DTD, comments or
 * processing instructions, nothing after the end. An envelope is a security object; leniency only gives an attacker
 * more spellings of it. Jackson's and the JDK's streaming parsers are used (not data binding) to keep that control
 * and to write base64 straight into the output without an intermediate string.
 */
final class SealedMessageCodec {

    static final String ROOT = "SealedMessage";
    static final String VERSION = "version";
    static final String MESSAGE_ID = "messageId";
    static final String SENDER = "senderKeyId";
    static final String RECIPIENT = "recipientKeyId";
    static final String TIMESTAMP = "timestamp";
    static final String NONCE = "nonce";
    static final String WRAPPED_KEY = "wrappedKey";
    static final String IV = "iv";
    static final String CIPHERTEXT = "ciphertext";
    static final String SIGNATURE = "signature";
    static final Set<String> FIELDS =
            Set.of(VERSION, MESSAGE_ID, SENDER, RECIPIENT, TIMESTAMP, NONCE, WRAPPED_KEY, IV, CIPHERTEXT, SIGNATURE);

    /** Largest encoded envelope accepted: base64 of the largest ciphertext plus room for the header. */
    static final int MAX_ENCODED_BYTES = (MessageSealer.MAX_CIPHERTEXT_BYTES / 3 + 1) * 4 + 8 * 1024;

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withResolverStyle(ResolverStyle.STRICT);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_ENCODED_BYTES).build())
            .build();

    private static final XMLInputFactory XML_IN = secureInputFactory();
    private static final XMLOutputFactory XML_OUT = XMLOutputFactory.newDefaultFactory();

    private SealedMessageCodec() {
    }

    static String formatTimestamp(Instant timestamp) {
        return TIMESTAMP_FORMAT.format(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
    }

    static Instant parseTimestamp(String text) {
        Instant parsed = LocalDateTime.parse(text, TIMESTAMP_FORMAT).toInstant(ZoneOffset.UTC);
        if (!formatTimestamp(parsed).equals(text)) {
            throw new IllegalArgumentException("timestamp not in canonical form");
        }
        return parsed;
    }

    static SealedMessage parse(byte[] encoded) {
        if (encoded == null) {
            throw malformed("no envelope", null);
        }
        for (byte b : encoded) {
            if (b == '{') {
                return fromJson(encoded);
            }
            if (b == '<') {
                return fromXml(encoded);
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                break;
            }
        }
        throw malformed("neither JSON nor XML", null);
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    static byte[] toJson(SealedMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + message.ciphertextView().length * 4 / 3);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField(VERSION, message.version());
            json.writeStringField(MESSAGE_ID, message.messageId());
            json.writeStringField(SENDER, message.senderKeyId());
            json.writeStringField(RECIPIENT, message.recipientKeyId());
            json.writeStringField(TIMESTAMP, formatTimestamp(message.timestamp()));
            json.writeBinaryField(NONCE, message.nonceView());
            json.writeBinaryField(WRAPPED_KEY, message.wrappedKeyView());
            json.writeBinaryField(IV, message.ivView());
            json.writeBinaryField(CIPHERTEXT, message.ciphertextView());
            json.writeBinaryField(SIGNATURE, message.signatureView());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    static SealedMessage fromJson(byte[] json) {
        if (json == null || json.length > MAX_ENCODED_BYTES) {
            throw malformed("envelope missing or larger than " + MAX_ENCODED_BYTES + " bytes", null);
        }
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                expect(token == JsonToken.FIELD_NAME, "expected a field name");
                String name = parser.currentName();
                expect(FIELDS.contains(name), "unknown field");
                JsonToken value = parser.nextToken();
                if (name.equals(VERSION)) {
                    expect(value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT,
                            "version is not an integer");
                    fields.put(name, parser.getIntValue());
                } else {
                    expect(value == JsonToken.VALUE_STRING, name + " is not a string");
                    fields.put(name, parser.getText());
                }
            }
            expect(parser.nextToken() == null, "content after the JSON object");
        } catch (IOException | RuntimeException e) {
            // Jackson's own parse errors, number overflow and our checks all mean the same to the sender.
            throw e instanceof SealRefusedException refused ? refused : malformed("invalid JSON envelope", e);
        }
        return fromFields(fields);
    }

    // ---- XML -------------------------------------------------------------------------------------------------

    static byte[] toXml(SealedMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640 + message.ciphertextView().length * 4 / 3);
        try {
            XMLStreamWriter xml = XML_OUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(ROOT);
            element(xml, VERSION, Integer.toString(message.version()));
            element(xml, MESSAGE_ID, message.messageId());
            element(xml, SENDER, message.senderKeyId());
            element(xml, RECIPIENT, message.recipientKeyId());
            element(xml, TIMESTAMP, formatTimestamp(message.timestamp()));
            element(xml, NONCE, StrictBase64.encode(message.nonceView()));
            element(xml, WRAPPED_KEY, StrictBase64.encode(message.wrappedKeyView()));
            element(xml, IV, StrictBase64.encode(message.ivView()));
            element(xml, CIPHERTEXT, StrictBase64.encode(message.ciphertextView()));
            element(xml, SIGNATURE, StrictBase64.encode(message.signatureView()));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML envelope", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    static SealedMessage fromXml(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_ENCODED_BYTES) {
            throw malformed("envelope missing or larger than " + MAX_ENCODED_BYTES + " bytes", null);
        }
        Map<String, Object> fields = new HashMap<>();
        XMLStreamReader xml = null;
        try {
            // Decoded here, strictly, rather than by the parser: the JDK parser prints malformed UTF-8 to stderr,
            // which a sender could use to flood the log. The XML form is UTF-8 by definition.
            String document = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            xml = XML_IN.createXMLStreamReader(new StringReader(document));
            expect(nextSignificant(xml) == XMLStreamConstants.START_ELEMENT, "no root element");
            expectPlainElement(xml, ROOT);
            for (int event = nextSignificant(xml); event != XMLStreamConstants.END_ELEMENT; event = nextSignificant(xml)) {
                expect(event == XMLStreamConstants.START_ELEMENT, "unexpected content in envelope");
                String name = xml.getLocalName();
                expectPlainElement(xml, name);
                expect(FIELDS.contains(name), "unknown element");
                expect(!fields.containsKey(name), "duplicate element");
                String text = fieldText(xml);
                if (name.equals(VERSION)) {
                    expect(text.matches("[1-9][0-9]{0,8}"), "version is not an integer");
                    fields.put(name, Integer.parseInt(text));
                } else {
                    fields.put(name, text);
                }
            }
            expect(nextSignificant(xml) == XMLStreamConstants.END_DOCUMENT, "content after the root element");
        } catch (XMLStreamException | CharacterCodingException | RuntimeException e) {
            throw e instanceof SealRefusedException refused ? refused : malformed("invalid XML envelope", e);
        } finally {
            closeQuietly(xml);
        }
        return fromFields(fields);
    }

    /** Next event that matters: whitespace between elements is skipped; comments, PIs and DTDs are refused. */
    private static int nextSignificant(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    expect(xml.isWhiteSpace(), "text outside the fields");
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
                     XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.CDATA ->
                        throw malformed("comments, processing instructions, DTDs and CDATA are not allowed", null);
                default -> {
                    return event;
                }
            }
        }
    }

    /** The text of a field element; anything but characters inside it (child, comment, PI) is refused. */
    private static String fieldText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
            expect(event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE,
                    "only text is allowed in a field");
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        }
        return text.toString();
    }

    private static void expectPlainElement(XMLStreamReader xml, String name) {
        expect(name.equals(xml.getLocalName()), "unexpected element");
        String namespace = xml.getNamespaceURI();
        expect(namespace == null || namespace.isEmpty(), "namespaced element");
        expect(xml.getAttributeCount() == 0, "attributes are not allowed");
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the outcome is already decided
            }
        }
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private static SealedMessage fromFields(Map<String, Object> fields) {
        for (String name : FIELDS) {
            expect(fields.containsKey(name), "missing field " + name);
        }
        try {
            return new SealedMessage(
                    (Integer) fields.get(VERSION),
                    (String) fields.get(MESSAGE_ID),
                    (String) fields.get(SENDER),
                    (String) fields.get(RECIPIENT),
                    parseTimestamp((String) fields.get(TIMESTAMP)),
                    StrictBase64.decode((String) fields.get(NONCE)),
                    StrictBase64.decode((String) fields.get(WRAPPED_KEY)),
                    StrictBase64.decode((String) fields.get(IV)),
                    StrictBase64.decode((String) fields.get(CIPHERTEXT)),
                    StrictBase64.decode((String) fields.get(SIGNATURE)));
        } catch (RuntimeException e) {
            throw malformed("invalid base64 or timestamp", e);
        }
    }

    private static void expect(boolean condition, String detail) {
        if (!condition) {
            throw malformed(detail, null);
        }
    }

    private static SealRefusedException malformed(String detail, Throwable cause) {
        return new SealRefusedException(RefusalCode.MALFORMED, detail, cause);
    }
}
