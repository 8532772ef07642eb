package cn.hnsw.common.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.util.ArrayDeque;

import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** What signer and verifier share: Santuario set-up, secure parsing, canonicalisation and digests. */
final class XmlDsig {

    static {
        org.apache.xml.security.Init.init();
    }

    private XmlDsig() {
    }

    private static final DocumentBuilderFactory DOM = secureFactory();

    /**
     * Parses with DOCTYPE refused (so no entity expansion and no external fetches), namespace-aware. Errors are
     * thrown, never printed: the default handler writes every bad document a partner sends to stderr.
     */
    static Document parse(byte[] xml) throws IOException, SAXException {
        DocumentBuilder builder;
        synchronized (DOM) { // a configured factory is not promised to be thread-safe
            try {
                builder = DOM.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("JDK XML parser misconfigured", e);
            }
        }
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make the document unusable
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks secure-processing features", e);
        }
        return factory;
    }

    /** Inclusive C14N 1.0 without comments of {@code node} in its place in the document. */
    static byte[] canonicalize(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS).canonicalizeSubtree(node, out);
            return out.toByteArray();
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new IllegalStateException("C14N failed", e);
        }
    }

    /**
     * The SM3 digest the enveloped Reference {@code URI=""} covers: the whole document without comments and
     * without the Signature element, which is what the enveloped-signature transform followed by C14N yields.
     */
    static byte[] referenceDigest(Document document, Element signature) {
        // Work on a copy so that the caller's document, and the signature in it, stay as they were.
        Document copy = (Document) document.cloneNode(true);
        if (signature != null) {
            Element inCopy = findSame(copy, document, signature);
            inCopy.getParentNode().removeChild(inCopy);
        }
        return Sm3.digest(canonicalize(copy));
    }

    /** The node of {@code copy} at the same child-index path as {@code original} has in {@code source}. */
    private static Element findSame(Document copy, Document source, Element original) {
        ArrayDeque<Integer> path = new ArrayDeque<>();
        for (Node node = original; node != source; node = node.getParentNode()) {
            int index = 0;
            for (Node sibling = node.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
                index++;
            }
            path.push(index);
        }
        Node node = copy;
        while (!path.isEmpty()) {
            node = node.getChildNodes().item(path.pop());
        }
        return (Element) node;
    }

    static byte[] serialize(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLUtils.outputDOM(document, out, true);
        return out.toByteArray();
    }
}
