import {
  Button,
  Content,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';

/** A yes/no question before a take-over or its rollback writes to the cluster. */
export const ConfirmModal = ({
  title,
  body,
  confirm,
  dataTest,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  dataTest: string;
  onConfirm: () => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <Modal
      isOpen
      variant="small"
      onClose={onClose}
      aria-labelledby={`${dataTest}-title`}
      data-test={dataTest}
    >
      <ModalHeader title={title} titleIconVariant="warning" labelId={`${dataTest}-title`} />
      <ModalBody>
        <Content component="p">{body}</Content>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          data-test={`${dataTest}-confirm`}
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {confirm}
        </Button>
        <Button variant="link" data-test={`${dataTest}-cancel`} onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
