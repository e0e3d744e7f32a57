package dev.netsmith.processor.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Counts the floating-point multiplications generated code executes: ASM inserts a call to
 * {@link #multiply()} before every {@code dmul} of the chosen classes, which are then loaded on their own.
 * A count of operations, unlike a time, is exact and the same on every machine.
 */
public final class OperationCounter {

    private static final AtomicLong MULTIPLICATIONS = new AtomicLong();

    private OperationCounter() {
    }

    /** Called by instrumented code before each dmul. */
    public static void multiply() {
        MULTIPLICATIONS.incrementAndGet();
    }

    /** Multiplications since the last reset. */
    public static long multiplications() {
        return MULTIPLICATIONS.get();
    }

    public static void reset() {
        MULTIPLICATIONS.set(0);
    }

    /** A loader for all the given classes, with the named ones instrumented. */
    public static ClassLoader instrumentingLoader(Map<String, byte[]> classes, Set<String> instrumented) {
        return new ClassLoader(OperationCounter.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null && classes.containsKey(name)) {
                        byte[] bytes = instrumented.contains(name) ? instrument(classes.get(name)) : classes.get(name);
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    }
                    return loaded != null ? loaded : super.loadClass(name, resolve);
                }
            }
        };
    }

    private static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.DMUL) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC,
                                    OperationCounter.class.getName().replace('.', '/'), "multiply", "()V", false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
