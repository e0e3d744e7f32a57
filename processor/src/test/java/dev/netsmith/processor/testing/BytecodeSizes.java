package dev.netsmith.processor.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * Reads the length of every method's bytecode from a class file: ASM parses the constant pool, and the
 * walk below follows the class-file layout (JVMS §4) to each method's Code attribute, whose code_length is
 * what HotSpot's 8,000-byte JIT limit (HugeMethodLimit) applies to.
 */
public final class BytecodeSizes {

    private BytecodeSizes() {
    }

    /** Method name and descriptor → bytecode length, for every method with code. */
    public static Map<String, Integer> of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset);
        offset = skipMembers(reader, offset);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int m = 0; m < methods; m++) {
            String name = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                String attribute = reader.readUTF8(offset, buffer);
                int length = reader.readInt(offset + 2);
                if (attribute.equals("Code")) {
                    sizes.put(name, reader.readInt(offset + 10));
                }
                offset += 6 + length;
            }
        }
        return sizes;
    }

    /** Skips the fields table, returning the offset of methods_count. */
    private static int skipMembers(ClassReader reader, int offset) {
        int count = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return offset;
    }
}
